//! The country codes Attio takes (`country_code` of phone numbers and locations) and the
//! country calling code of each, for the phone-number check.

/// Every ISO 3166-1 alpha-2 code of the `country_code` enum in Attio's OpenAPI spec (the
/// 249 current codes, plus `AN`, `XK` and `AC`), with its country calling code. Sorted by
/// calling code; where several countries share one, the country Attio infers from a number
/// with that prefix comes first (`+1` → `US`, `+44` → `GB`, `+7` → `RU`).
#[rustfmt::skip]
const COUNTRIES: &[(&str, &str)] = &[
("US", "1"), ("AG", "1"), ("AI", "1"), ("AS", "1"), ("BB", "1"), ("BM", "1"),
    ("BS", "1"), ("CA", "1"), ("DM", "1"), ("DO", "1"), ("GD", "1"), ("GU", "1"),
    ("JM", "1"), ("KN", "1"), ("KY", "1"), ("LC", "1"), ("MP", "1"), ("MS", "1"),
    ("PR", "1"), ("SX", "1"), ("TC", "1"), ("TT", "1"), ("UM", "1"), ("VC", "1"),
    ("VG", "1"), ("VI", "1"), ("RU", "7"), ("KZ", "7"), ("EG", "20"), ("ZA", "27"),
    ("GR", "30"), ("NL", "31"), ("BE", "32"), ("FR", "33"), ("ES", "34"), ("HU", "36"),
    ("IT", "39"), ("VA", "39"), ("RO", "40"), ("CH", "41"), ("AT", "43"), ("GB", "44"),
    ("GG", "44"), ("IM", "44"), ("JE", "44"), ("DK", "45"), ("SE", "46"), ("NO", "47"),
    ("BV", "47"), ("SJ", "47"), ("PL", "48"), ("DE", "49"), ("PE", "51"), ("MX", "52"),
    ("CU", "53"), ("AR", "54"), ("BR", "55"), ("CL", "56"), ("CO", "57"), ("VE", "58"),
    ("MY", "60"), ("AU", "61"), ("CC", "61"), ("CX", "61"), ("ID", "62"), ("PH", "63"),
    ("NZ", "64"), ("PN", "64"), ("SG", "65"), ("TH", "66"), ("JP", "81"), ("KR", "82"),
    ("VN", "84"), ("CN", "86"), ("TR", "90"), ("IN", "91"), ("PK", "92"), ("AF", "93"),
    ("LK", "94"), ("MM", "95"), ("IR", "98"), ("SS", "211"), ("MA", "212"), ("EH", "212"),
    ("DZ", "213"), ("TN", "216"), ("LY", "218"), ("GM", "220"), ("SN", "221"), ("MR", "222"),
    ("ML", "223"), ("GN", "224"), ("CI", "225"), ("BF", "226"), ("NE", "227"), ("TG", "228"),
    ("BJ", "229"), ("MU", "230"), ("LR", "231"), ("SL", "232"), ("GH", "233"), ("NG", "234"),
    ("TD", "235"), ("CF", "236"), ("CM", "237"), ("CV", "238"), ("ST", "239"), ("GQ", "240"),
    ("GA", "241"), ("CG", "242"), ("CD", "243"), ("AO", "244"), ("GW", "245"), ("IO", "246"),
    ("AC", "247"), ("SC", "248"), ("SD", "249"), ("RW", "250"), ("ET", "251"), ("SO", "252"),
    ("DJ", "253"), ("KE", "254"), ("TZ", "255"), ("UG", "256"), ("BI", "257"), ("MZ", "258"),
    ("ZM", "260"), ("MG", "261"), ("RE", "262"), ("TF", "262"), ("YT", "262"), ("ZW", "263"),
    ("NA", "264"), ("MW", "265"), ("LS", "266"), ("BW", "267"), ("SZ", "268"), ("KM", "269"),
    ("SH", "290"), ("ER", "291"), ("AW", "297"), ("FO", "298"), ("GL", "299"), ("GI", "350"),
    ("PT", "351"), ("LU", "352"), ("IE", "353"), ("IS", "354"), ("AL", "355"), ("MT", "356"),
    ("CY", "357"), ("FI", "358"), ("AX", "358"), ("BG", "359"), ("LT", "370"), ("LV", "371"),
    ("EE", "372"), ("MD", "373"), ("AM", "374"), ("BY", "375"), ("AD", "376"), ("MC", "377"),
    ("SM", "378"), ("UA", "380"), ("RS", "381"), ("ME", "382"), ("XK", "383"), ("HR", "385"),
    ("SI", "386"), ("BA", "387"), ("MK", "389"), ("CZ", "420"), ("SK", "421"), ("LI", "423"),
    ("FK", "500"), ("GS", "500"), ("BZ", "501"), ("GT", "502"), ("SV", "503"), ("HN", "504"),
    ("NI", "505"), ("CR", "506"), ("PA", "507"), ("PM", "508"), ("HT", "509"), ("GP", "590"),
    ("BL", "590"), ("MF", "590"), ("BO", "591"), ("GY", "592"), ("EC", "593"), ("GF", "594"),
    ("PY", "595"), ("MQ", "596"), ("SR", "597"), ("UY", "598"), ("CW", "599"), ("AN", "599"),
    ("BQ", "599"), ("TL", "670"), ("NF", "672"), ("AQ", "672"), ("HM", "672"), ("BN", "673"),
    ("NR", "674"), ("PG", "675"), ("TO", "676"), ("SB", "677"), ("VU", "678"), ("FJ", "679"),
    ("PW", "680"), ("WF", "681"), ("CK", "682"), ("NU", "683"), ("WS", "685"), ("KI", "686"),
    ("NC", "687"), ("TV", "688"), ("PF", "689"), ("TK", "690"), ("FM", "691"), ("MH", "692"),
    ("KP", "850"), ("HK", "852"), ("MO", "853"), ("KH", "855"), ("LA", "856"), ("BD", "880"),
    ("TW", "886"), ("MV", "960"), ("LB", "961"), ("JO", "962"), ("SY", "963"), ("IQ", "964"),
    ("KW", "965"), ("SA", "966"), ("YE", "967"), ("OM", "968"), ("PS", "970"), ("AE", "971"),
    ("IL", "972"), ("BH", "973"), ("QA", "974"), ("BT", "975"), ("MN", "976"), ("NP", "977"),
    ("TJ", "992"), ("TM", "993"), ("AZ", "994"), ("GE", "995"), ("KG", "996"), ("UZ", "998"),
];

/// The country calling code of `country` (an ISO 3166-1 alpha-2 code, any case), e.g.
/// `"44"` for `GB`; `None` for a code Attio does not take.
pub(crate) fn calling_code(country: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(country))
        .map(|(_, code)| *code)
}

/// The calling code that starts `digits` (an international number without its `+`), if
/// any. Calling codes are prefix-free, so at most one matches.
pub(crate) fn calling_code_of(digits: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .map(|(_, code)| *code)
        .find(|code| digits.starts_with(code))
}

/// Why `cc` is not a country code Attio takes.
pub(crate) fn check_country(cc: &str) -> Result<(), &'static str> {
    if !(cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_alphabetic())) {
        return Err("a country code is two letters (ISO 3166-1 alpha-2), like `US` or `GB`");
    }
    match calling_code(cc) {
        Some(_) => Ok(()),
        None => Err(
            "it is not an ISO 3166-1 alpha-2 country code Attio takes (two letters such as `US` or `GB`)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_attios_enum_with_prefix_free_calling_codes() {
        assert_eq!(COUNTRIES.len(), 252);
        for (i, (c, code)) in COUNTRIES.iter().enumerate() {
            assert!(
                c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()),
                "{c}"
            );
            assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
            assert!(
                !COUNTRIES[..i].iter().any(|(d, _)| d == c),
                "{c} is listed twice"
            );
            for (_, other) in COUNTRIES {
                assert!(
                    other == code || !other.starts_with(code),
                    "+{code} is a prefix of +{other}"
                );
            }
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(calling_code("gb"), Some("44"));
        assert_eq!(calling_code("ZZ"), None);
        assert_eq!(calling_code_of("447700900123"), Some("44"));
        assert_eq!(calling_code_of("9991234"), None);
        assert!(check_country("XK").is_ok());
        assert!(check_country("ZZ").is_err());
        assert!(check_country("USA").is_err());
    }
}
