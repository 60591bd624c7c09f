//! The weights of a model by feature hash, as scoring reads them: one look-up per feature of
//! every example, about 780,000 per 1,500 articles (the amount roles, the headline and victim
//! rankings, the entity typer). Open addressing over one array of (key, weights) slots, found
//! by the hash's top bits and a linear probe, at most half the slots used: a look-up is a
//! multiply, a shift and a compare or two, where `HashMap`'s group probe (the hash's top bits
//! spread over a vector, a mask of matches) took about half as much again.

use std::fmt;

/// Spreads a key over the high bits, which pick its slot (Fibonacci hashing: feature hashes are
/// already FNV, so one multiply evens out their low bits' patterns).
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;

/// The key a free slot holds: wider than any feature hash, so no key is ever taken for it and
/// a look-up needs no test of its own.
const FREE: u64 = u64::MAX;

/// Slots in a table of no rows: the probe always has a free slot to stop at.
const MIN_SLOTS: usize = 8;

/// A value a table holds: weights, with the zero a new key starts from (and free slots hold).
pub trait Zero: Copy {
    const ZERO: Self;
}

impl Zero for f32 {
    const ZERO: Self = 0.0;
}

impl<const K: usize> Zero for [f32; K] {
    const ZERO: Self = [0.0; K];
}

/// Weights `V` by feature hash.
#[derive(Clone)]
pub struct Table<V> {
    /// Each slot's key (a `u32` hash, or [`FREE`]) and value.
    slots: Vec<(u64, V)>,
    /// `64 - log2(slots.len())`: a key's home slot is its spread hash shifted by this.
    shift: u32,
    /// Keys held.
    used: usize,
}

impl<V: Zero> Default for Table<V> {
    fn default() -> Self {
        Self::with_slots(MIN_SLOTS)
    }
}

impl<V: Zero> Table<V> {
    /// `slots` free slots (a power of two, at least [`MIN_SLOTS`]).
    fn with_slots(slots: usize) -> Self {
        Self {
            slots: vec![(FREE, V::ZERO); slots],
            shift: 64 - slots.trailing_zeros(),
            used: 0,
        }
    }

    /// Slots for `rows` keys: at most half of them used, so a probe meets a free slot soon.
    fn slots_for(rows: usize) -> usize {
        (2 * rows).next_power_of_two().max(MIN_SLOTS)
    }

    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(SPREAD) >> self.shift) as usize
    }

    /// The slot holding `key`, or the free slot where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let k = self.slots[i].0;
            if k == key || k == FREE {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`: the probe of [`Self::slot`], answering in the loop (a found key and
    /// a free slot each leave it at once, with no second look at the slot).
    pub fn get(&self, key: u32) -> Option<&V> {
        let key = u64::from(key);
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, v) = &self.slots[i];
            if *k == key {
                return Some(v);
            }
            if *k == FREE {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `key`, inserted as zero when it has none.
    pub fn get_or_zero(&mut self, key: u32) -> &mut V {
        let key = u64::from(key);
        self.reserve(1);
        let i = self.slot(key);
        if self.slots[i].0 == FREE {
            self.slots[i] = (key, V::ZERO);
            self.used += 1;
        }
        &mut self.slots[i].1
    }

    pub fn insert(&mut self, key: u32, value: V) {
        *self.get_or_zero(key) = value;
    }

    /// Room for `rows` more keys without moving the slots.
    pub fn reserve(&mut self, rows: usize) {
        let want = Self::slots_for(self.used + rows);
        if want > self.slots.len() {
            self.rebuild(want);
        }
    }

    /// The keys moved into `slots` fresh slots.
    fn rebuild(&mut self, slots: usize) {
        let old = std::mem::replace(&mut self.slots, vec![(FREE, V::ZERO); slots]);
        self.shift = 64 - slots.trailing_zeros();
        for (k, v) in old.into_iter().filter(|(k, _)| *k != FREE) {
            let i = self.slot(k);
            self.slots[i] = (k, v);
        }
    }

    /// Keeps the keys whose value `keep` accepts, in as few slots as they need.
    pub fn retain(&mut self, mut keep: impl FnMut(&V) -> bool) {
        let kept: Vec<(u32, V)> = self
            .iter()
            .filter(|(_, v)| keep(v))
            .map(|(k, v)| (k, *v))
            .collect();
        *self = kept.into_iter().collect();
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every key and its value, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &V)> {
        self.slots
            .iter()
            .filter_map(|(k, v)| Some((u32::try_from(*k).ok()?, v)))
    }
}

impl<V: Zero> FromIterator<(u32, V)> for Table<V> {
    fn from_iter<I: IntoIterator<Item = (u32, V)>>(rows: I) -> Self {
        let rows = rows.into_iter();
        let mut t = Self::with_slots(Self::slots_for(rows.size_hint().0));
        for (k, v) in rows {
            t.insert(k, v);
        }
        t
    }
}

/// Equal when they hold the same keys with equal values, wherever the slots put them.
impl<V: Zero + PartialEq> PartialEq for Table<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<V: Zero + fmt::Debug> fmt::Debug for Table<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Inserts, overwrites, additions to a key's zero and a retain, each answered as a
        /// `HashMap` answers: keys from a small range (so they collide and repeat) and from
        /// anywhere, 0 and `u32::MAX` among them.
        #[test]
        fn the_table_answers_as_a_hash_map(
            ops in proptest::collection::vec((0u32..64, any::<u32>(), -4i8..4), 0..400),
            probes in proptest::collection::vec(any::<u32>(), 0..50),
            cut in -4i8..4,
        ) {
            let mut table: Table<f32> = Table::default();
            let mut map: HashMap<u32, f32> = HashMap::new();
            for &(small, wide, v) in &ops {
                let k = match v {
                    -4 => u32::MAX,
                    0.. => small,
                    _ => wide,
                };
                let x = f32::from(v);
                if v % 2 == 0 {
                    table.insert(k, x);
                    map.insert(k, x);
                } else {
                    *table.get_or_zero(k) += x;
                    *map.entry(k).or_default() += x;
                }
            }
            let check = |table: &Table<f32>, map: &HashMap<u32, f32>| {
                prop_assert_eq!(table.len(), map.len());
                for k in (0..64).chain(probes.iter().copied()).chain(map.keys().copied()) {
                    prop_assert_eq!(table.get(k), map.get(&k), "{}", k);
                }
                let mut rows: Vec<(u32, f32)> = table.iter().map(|(k, v)| (k, *v)).collect();
                let mut want: Vec<(u32, f32)> = map.iter().map(|(k, v)| (*k, *v)).collect();
                rows.sort_unstable_by_key(|r| r.0);
                want.sort_unstable_by_key(|r| r.0);
                prop_assert_eq!(rows, want);
                Ok(())
            };
            check(&table, &map)?;
            let cut = f32::from(cut);
            table.retain(|v| *v >= cut);
            map.retain(|_, v| *v >= cut);
            check(&table, &map)?;
            let rebuilt: Table<f32> = map.iter().map(|(k, v)| (*k, *v)).collect();
            prop_assert!(rebuilt == table);
        }
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let t: Table<[f32; 2]> = Table::default();
        assert!(t.is_empty());
        for k in [0, 7, u32::MAX] {
            assert_eq!(t.get(k), None);
        }
        assert_eq!(t.iter().count(), 0);
    }
}
