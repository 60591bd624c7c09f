//! What the analyst narrows the article list to: an entity (or a threat-actor family) and the
//! list order.

use serde::{Deserialize, Serialize};

use crate::extract::{Entity, EntityKind};

/// What the article list is restricted to by the sidebar.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityFilter {
    pub kind: EntityKind,
    pub name: String,
    /// For an umbrella threat actor: include every sub-group (the "all" row).
    pub family: bool,
}

impl EntityFilter {
    /// Whether `e` is the filtered entity, or one of its sub-groups for a family filter.
    pub fn covers(&self, e: &Entity) -> bool {
        e.kind == self.kind
            && (e.name == self.name
                || (self.family && e.parent.as_deref() == Some(self.name.as_str())))
    }

    /// How the filter chip names it: "Lazarus Group (all)" for a family.
    pub fn label(&self) -> String {
        if self.family {
            format!("{} (all)", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// How the article list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortBy {
    #[default]
    Date,
    Title,
}

/// Whether an entity's name, an alias or its group contains `needle` (already lower-cased):
/// what the sidebar's filter box keeps.
pub fn matches_text(e: &Entity, needle: &str) -> bool {
    needle.is_empty()
        || e.name.to_lowercase().contains(needle)
        || e.aliases.iter().any(|a| a.to_lowercase().contains(needle))
        || e.parent
            .as_ref()
            .is_some_and(|p| p.to_lowercase().contains(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(kind: EntityKind, name: &str, parent: Option<&str>) -> Entity {
        Entity {
            name: name.to_owned(),
            kind,
            aliases: Vec::new(),
            parent: parent.map(str::to_owned),
            mention_count: 1,
            article_count: 1,
            mentions: Vec::new(),
            roles: Vec::new(),
        }
    }

    #[test]
    fn a_family_filter_covers_its_sub_groups_and_a_plain_one_does_not() {
        let umbrella = entity(EntityKind::ThreatActor, "Cobalt Moth", None);
        let child = entity(EntityKind::ThreatActor, "Moth Team B", Some("Cobalt Moth"));
        let person = entity(EntityKind::Person, "Cobalt Moth", None);
        let plain = EntityFilter {
            kind: EntityKind::ThreatActor,
            name: "Cobalt Moth".to_owned(),
            family: false,
        };
        let family = EntityFilter {
            family: true,
            ..plain.clone()
        };
        assert!(plain.covers(&umbrella) && !plain.covers(&child));
        assert!(family.covers(&umbrella) && family.covers(&child));
        assert!(!family.covers(&person), "same name, other kind");
        assert_eq!(family.label(), "Cobalt Moth (all)");
        assert_eq!(plain.label(), "Cobalt Moth");
    }

    #[test]
    fn the_filter_box_matches_names_aliases_and_the_group() {
        let e = Entity {
            name: "APT38".into(),
            kind: EntityKind::ThreatActor,
            aliases: vec!["BlueNoroff".into()],
            parent: Some("Lazarus Group".into()),
            mention_count: 1,
            article_count: 1,
            mentions: Vec::new(),
            roles: Vec::new(),
        };
        for needle in ["", "apt3", "blueno", "lazarus"] {
            assert!(matches_text(&e, needle), "{needle}");
        }
        assert!(!matches_text(&e, "kimsuky"));
    }
}
