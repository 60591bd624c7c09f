//! Yearly average exchange rates to the US dollar, from the table shipped in
//! `assets/fx-rates.csv` (compiled in and parsed once).

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// currency -> year -> units of the currency per US dollar.
type Table = BTreeMap<String, BTreeMap<i32, f64>>;

static TABLE: LazyLock<Table> =
    LazyLock::new(|| parse(include_str!("../../../assets/fx-rates.csv")));

/// Parses the table: `#` comment lines, a `year,CUR,CUR…` header, then one row per year. Bad
/// cells are skipped (the table is ours and tested, so this only guards against typos).
fn parse(csv: &str) -> Table {
    let mut lines = crate::text::entries(csv);
    let Some(header) = lines.next() else {
        return Table::new();
    };
    let currencies: Vec<&str> = header.split(',').skip(1).map(str::trim).collect();
    let mut table = Table::new();
    for line in lines {
        let mut cells = line.split(',').map(str::trim);
        let Some(Ok(year)) = cells.next().map(str::parse::<i32>) else {
            continue;
        };
        for (cur, cell) in currencies.iter().zip(cells) {
            if let Ok(rate) = cell.parse::<f64>()
                && rate > 0.0
            {
                table
                    .entry((*cur).to_string())
                    .or_default()
                    .insert(year, rate);
            }
        }
    }
    table
}

/// US dollars for `value` of `currency` at the `year`'s average rate (the nearest year the table
/// has when it lacks that one). `None` for a currency the table does not know.
pub fn to_usd(value: f64, currency: &str, year: i32) -> Option<f64> {
    if currency == "USD" {
        return Some(value);
    }
    let rates = TABLE.get(currency)?;
    let rate = rates.get(&year).copied().or_else(|| {
        rates
            .iter()
            .min_by_key(|(y, _)| (**y - year).abs())
            .map(|(_, r)| *r)
    })?;
    Some(value / rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_the_main_currencies_every_year() {
        for cur in ["EUR", "GBP", "JPY", "KRW", "CNY", "INR"] {
            for year in 2000..=2025 {
                assert!(TABLE[cur].contains_key(&year), "{cur} {year}");
            }
        }
    }

    #[test]
    fn converts_at_the_year_and_falls_back_to_the_nearest() {
        let eur_2016 = to_usd(72e6, "EUR", 2016).unwrap();
        assert!((eur_2016 / 1e6 - 79.6).abs() < 2.0, "{eur_2016}");
        let yen = to_usd(55e9, "JPY", 2024).unwrap();
        assert!((yen / 1e6 - 367.0).abs() < 15.0, "{yen}");
        assert_eq!(to_usd(1.0, "EUR", 1980), to_usd(1.0, "EUR", 2000));
        assert_eq!(to_usd(5.0, "USD", 1900), Some(5.0));
        assert_eq!(to_usd(5.0, "XYZ", 2020), None);
    }
}
