//! Currencies and numbers written as words or signs, read into ISO codes and values.

pub(super) fn word_number(w: &str) -> Option<f64> {
    let w = w.to_ascii_lowercase();
    let w: String = crate::text::single_spaced(&w);
    Some(match w.as_str() {
        "a" | "an" | "one" => 1.0,
        "half a" => 0.5,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "a hundred" | "one hundred" => 100.0,
        _ => return None,
    })
}

pub(super) fn prefix_currency(p: &str) -> &'static str {
    match p.trim_end_matches('.') {
        "$" | "US$" | "USD" => "USD",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "₩" | "KRW" => "KRW",
        "CNY" | "RMB" => "CNY",
        "₹" | "INR" | "Rs" => "INR",
        "A$" | "AU$" | "AUD" => "AUD",
        "C$" | "CA$" | "CAD" => "CAD",
        "HK$" | "HKD" => "HKD",
        "NT$" | "TWD" => "TWD",
        "S$" | "SGD" => "SGD",
        "NZ$" => "NZD",
        "R$" => "BRL",
        "CHF" => "CHF",
        "RUB" => "RUB",
        p if p.starts_with("U.S.") => "USD",
        _ => "USD",
    }
}

pub(super) fn word_currency(w: &str) -> &'static str {
    let w = w.to_ascii_lowercase();
    let w = crate::text::single_spaced(&w);
    if w.starts_with("hong kong") {
        "HKD"
    } else if w.starts_with("australian") {
        "AUD"
    } else if w.starts_with("canadian") {
        "CAD"
    } else if w.starts_with("singapore") {
        "SGD"
    } else if w.starts_with("taiwan") {
        "TWD"
    } else if w.starts_with("bitcoin") {
        "BTC"
    } else if w == "ether" {
        "ETH"
    } else if w.contains("dollar") || w == "dlrs" || w == "usd" {
        "USD"
    } else if w.starts_with("euro") || w == "eur" {
        "EUR"
    } else if w.starts_with("pound") || w == "sterling" || w == "gbp" {
        "GBP"
    } else if w == "yen" || w == "jpy" {
        "JPY"
    } else if w == "won" || w == "krw" {
        "KRW"
    } else if w == "yuan" || w == "renminbi" || w == "cny" || w == "rmb" {
        "CNY"
    } else if w.starts_with("rupee") || w == "inr" {
        "INR"
    } else {
        match w.as_str() {
            "aud" => "AUD",
            "cad" => "CAD",
            "chf" => "CHF",
            "hkd" => "HKD",
            "sgd" => "SGD",
            "twd" => "TWD",
            "rub" => "RUB",
            _ => "USD",
        }
    }
}
