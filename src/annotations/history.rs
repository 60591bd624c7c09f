//! The annotation set being edited, with undo and redo.
//!
//! Undo and redo stamp `modified` with the current time: the restored state is a new decision,
//! and must win over older copies when another window's file is merged in.

use super::model::{Annotation, now};

#[derive(Clone, Debug)]
enum Change {
    Added(Annotation),
    Removed(Annotation),
    Edited {
        before: Box<Annotation>,
        after: Box<Annotation>,
    },
}

/// The annotations of the open corpus and the changes made to them.
#[derive(Clone, Debug, Default)]
pub struct Annotations {
    items: Vec<Annotation>,
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl Annotations {
    /// A freshly loaded set, with no history.
    pub fn new(items: Vec<Annotation>) -> Self {
        Self {
            items,
            ..Self::default()
        }
    }

    pub fn items(&self) -> &[Annotation] {
        &self.items
    }

    /// The annotation with this id (an [`super::AnnotationId`] or a reference to one).
    pub fn get(&self, id: impl AsRef<str>) -> Option<&Annotation> {
        let id = id.as_ref();
        self.items.iter().find(|a| a.id == *id)
    }

    /// Replaces the set (e.g. by the result of merging another window's file) keeping the history.
    pub fn replace_items(&mut self, items: Vec<Annotation>) {
        self.items = items;
    }

    /// Updates an annotation without recording a change (re-anchoring moves it).
    pub fn set_silently(&mut self, annotation: Annotation) {
        self.put(annotation);
    }

    pub fn add(&mut self, annotation: Annotation) {
        self.put(annotation.clone());
        self.record(Change::Added(annotation));
    }

    /// Sets tag and note; false when the id is unknown or nothing changed.
    pub fn edit(&mut self, id: impl AsRef<str>, tag: &str, note: &str) -> bool {
        let Some(before) = self.get(id).cloned() else {
            return false;
        };
        if before.tag == tag.trim() && before.note == note {
            return false;
        }
        let mut after = before.clone();
        after.tag = tag.trim().to_owned();
        after.note = note.to_owned();
        after.modified = now();
        self.put(after.clone());
        self.record(Change::Edited {
            before: Box::new(before),
            after: Box::new(after),
        });
        true
    }

    pub fn remove(&mut self, id: impl AsRef<str>) -> Option<Annotation> {
        let id = id.as_ref();
        let pos = self.items.iter().position(|a| a.id == *id)?;
        let removed = self.items.remove(pos);
        self.record(Change::Removed(removed.clone()));
        Some(removed)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// How many changes can be undone: the window's one history of edits counts on it.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Reverts the last change; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(change) = self.undo.pop() else {
            return false;
        };
        self.apply_inverse(&change);
        self.redo.push(change);
        true
    }

    /// Re-applies the last undone change; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(change) = self.redo.pop() else {
            return false;
        };
        match &change {
            Change::Added(a) => self.put(stamped(a)),
            Change::Removed(a) => self.items.retain(|x| x.id != a.id),
            Change::Edited { after, .. } => self.put(stamped(after)),
        }
        self.undo.push(change);
        true
    }

    fn apply_inverse(&mut self, change: &Change) {
        match change {
            Change::Added(a) => self.items.retain(|x| x.id != a.id),
            Change::Removed(a) => self.put(stamped(a)),
            Change::Edited { before, .. } => self.put(stamped(before)),
        }
    }

    fn record(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
    }

    fn put(&mut self, annotation: Annotation) {
        match self.items.iter_mut().find(|a| a.id == annotation.id) {
            Some(slot) => *slot = annotation,
            None => self.items.push(annotation),
        }
    }
}

fn stamped(a: &Annotation) -> Annotation {
    let mut a = a.clone();
    a.modified = now().max(a.modified);
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_edit_delete_undo_redo() {
        let text = "Lazarus stole $81 million";
        let a = Annotation::new("x", text, 14, 25, "amount", "");
        let id = a.id.clone();
        let mut set = Annotations::default();
        set.add(a);
        assert!(set.edit(&id, "victim", "check"));
        assert!(
            !set.edit(&id, "victim", "check"),
            "no-op edits are not recorded"
        );
        set.remove(&id);
        assert!(set.items().is_empty());
        assert!(set.undo());
        assert_eq!(set.get(&id).unwrap().note, "check");
        assert!(set.undo());
        assert_eq!(set.get(&id).unwrap().tag, "amount");
        assert!(set.undo());
        assert!(set.get(&id).is_none());
        assert!(!set.undo());
        assert!(set.redo() && set.redo());
        assert_eq!(set.get(&id).unwrap().tag, "victim");
        // A new change clears the redo stack.
        set.remove(&id);
        assert!(!set.can_redo());
        assert!(!set.redo());
    }
}
