//! Threat actors grouped under their umbrella ("Lazarus Group" over APT38, TraderTraitor …), so
//! that an analyst can look at a whole family or at one sub-group.

use std::collections::BTreeMap;

use super::{Entity, EntityKind};

/// A threat actor umbrella (e.g. "Lazarus Group") and its sub-groups (e.g. "APT38"), as indices
/// into the entity list it was built from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorFamily {
    pub name: String,
    /// The umbrella's own entity, when articles name it.
    pub entity: Option<usize>,
    pub children: Vec<usize>,
}

/// Groups threat actors under their umbrella; an actor without parent is its own umbrella.
pub fn families(entities: &[Entity]) -> Vec<ActorFamily> {
    let mut map: BTreeMap<String, ActorFamily> = BTreeMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::ThreatActor {
            continue;
        }
        match &e.parent {
            Some(parent) if parent != &e.name => {
                map.entry(parent.clone())
                    .or_insert_with(|| ActorFamily {
                        name: parent.clone(),
                        ..ActorFamily::default()
                    })
                    .children
                    .push(i);
            }
            _ => {
                map.entry(e.name.clone())
                    .or_insert_with(|| ActorFamily {
                        name: e.name.clone(),
                        ..ActorFamily::default()
                    })
                    .entity = Some(i);
            }
        }
    }
    let weight = |f: &ActorFamily| -> usize {
        f.entity
            .iter()
            .chain(&f.children)
            .filter_map(|&i| entities.get(i).map(|e| e.mention_count))
            .sum()
    };
    let mut list: Vec<ActorFamily> = map.into_values().collect();
    list.sort_by(|a, b| weight(b).cmp(&weight(a)).then(a.name.cmp(&b.name)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, parent: Option<&str>, mentions: usize) -> Entity {
        Entity {
            name: name.to_owned(),
            kind: EntityKind::ThreatActor,
            aliases: Vec::new(),
            parent: parent.map(str::to_owned),
            mention_count: mentions,
            article_count: 1,
            mentions: Vec::new(),
            roles: Vec::new(),
        }
    }

    #[test]
    fn sub_groups_sit_under_their_umbrella_biggest_family_first() {
        let entities = vec![
            actor("Turla", None, 5),
            actor("APT38", Some("Lazarus Group"), 4),
            actor("Lazarus Group", None, 3),
            actor("TraderTraitor", Some("Lazarus Group"), 2),
        ];
        let f = families(&entities);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].name, "Lazarus Group");
        assert_eq!(f[0].entity, Some(2));
        assert_eq!(f[0].children, vec![1, 3]);
        assert_eq!(f[1].name, "Turla");
        assert!(f[1].children.is_empty());
    }

    #[test]
    fn an_umbrella_never_named_itself_still_groups_its_children() {
        let f = families(&[actor("Andariel", Some("Lazarus Group"), 1)]);
        assert_eq!(f[0].name, "Lazarus Group");
        assert_eq!(f[0].entity, None);
        assert_eq!(f[0].children, vec![0]);
    }
}
