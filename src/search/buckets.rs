//! Grouping items by a dense id in two passes (a counting sort), so that a
//! corpus-wide table can hand out "all items of id N" as one slice without
//! a vector per id.

/// Items grouped by id: the items of id `i` are `items[starts[i]..starts[i + 1]]`,
/// in the order they were given.
#[derive(Debug, Clone, Default)]
pub(crate) struct Buckets<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T: Clone> Buckets<T> {
    /// Groups `items` (each with its id `< ids`); the iterator is walked twice.
    pub(crate) fn build<I>(ids: usize, items: impl Fn() -> I) -> Self
    where
        I: Iterator<Item = (usize, T)>,
    {
        let mut starts = vec![0u32; ids + 1];
        for (id, _) in items() {
            starts[id + 1] += 1;
        }
        for i in 0..ids {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut slots: Vec<Option<T>> = vec![None; starts[ids] as usize];
        for (id, item) in items() {
            slots[fill[id] as usize] = Some(item);
            fill[id] += 1;
        }
        Buckets {
            starts,
            items: slots.into_iter().flatten().collect(),
        }
    }

    /// The items of one id (empty for an unknown id).
    pub(crate) fn get(&self, id: usize) -> &[T] {
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_grouped_by_id_in_order() {
        let data = [(2, 'a'), (0, 'b'), (2, 'c')];
        let b = Buckets::build(3, || data.iter().copied());
        assert_eq!(b.get(0), ['b']);
        assert!(b.get(1).is_empty());
        assert_eq!(b.get(2), ['a', 'c']);
        assert!(b.get(9).is_empty());
    }
}
