use super::*;

/// The reference table of the shared material: (unicode, tcvn3, vni) per letter.
fn reference() -> Option<Vec<(String, String, String)>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/vn-legacy-encodings.tsv"
    );
    let text = std::fs::read_to_string(path).ok()?;
    let unescape = |s: &str| -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("\\u") {
            out.push_str(&rest[..i]);
            let hex = &rest[i + 2..i + 6];
            out.push(char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap());
            rest = &rest[i + 6..];
        }
        out.push_str(rest);
        out
    };
    Some(
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("unicode"))
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[0].to_string(), unescape(f[1]), unescape(f[2]))
            })
            .collect(),
    )
}

#[test]
fn every_letter_in_both_cases_and_encodings() {
    let Some(rows) = reference() else {
        // CI and every developer have shared/ beside the checkout; say so loudly if not.
        panic!("shared/data/vn-legacy-encodings.tsv is missing beside the checkout");
    };
    assert_eq!(rows.len(), 146);
    for (letter, tcvn, vni) in &rows {
        // TCVN3 has no upper-case codes for toned letters: they decode to lower case.
        let from_tcvn = decode(tcvn, Legacy::Tcvn3);
        assert!(
            from_tcvn == *letter || from_tcvn == letter.to_lowercase(),
            "TCVN3 {tcvn:?} → {from_tcvn} for {letter}"
        );
        assert_eq!(decode(vni, Legacy::Vni), *letter, "VNI {vni:?}");
    }
    // The seven upper-case letters TCVN3 does have codes for.
    for (letter, tcvn, _) in rows.iter().filter(|(l, ..)| "ĂÂÊÔƠƯĐ".contains(l.as_str())) {
        assert_eq!(decode(tcvn, Legacy::Tcvn3), *letter);
    }
}

#[test]
fn garbled_phrases_every_office_has_seen() {
    let cases = [
        (
            "Céng hßa x· héi chñ nghÜa ViÖt Nam",
            Legacy::Tcvn3,
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
        ),
        (
            "§éc lËp - Tù do - H¹nh phóc",
            Legacy::Tcvn3,
            "Độc lập - Tự do - Hạnh phúc",
        ),
        ("Sè häc viªn", Legacy::Tcvn3, "Số học viên"),
        ("Tªn chuyªn ®Ò", Legacy::Tcvn3, "Tên chuyên đề"),
        ("Ngµy më líp", Legacy::Tcvn3, "Ngày mở lớp"),
        (
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
            Legacy::Vni,
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
        ),
        (
            "Ñoäc laäp - Töï do - Haïnh phuùc",
            Legacy::Vni,
            "Độc lập - Tự do - Hạnh phúc",
        ),
        ("Soá hoïc vieân", Legacy::Vni, "Số học viên"),
        ("Teân chuyeân ñeà", Legacy::Vni, "Tên chuyên đề"),
    ];
    for (raw, enc, want) in cases {
        assert_eq!(detect(raw), Some(enc), "{raw}");
        assert_eq!(decode(raw, enc), want);
    }
}

#[test]
fn vntimeh_titles_come_out_in_capitals() {
    // "BÁO CÁO" typed with .VnTimeH: the á is stored with the lower-case code ¸.
    assert_eq!(detect("B¸O C¸O"), Some(Legacy::Tcvn3));
    assert_eq!(decode("B¸O C¸O", Legacy::Tcvn3), "BÁO CÁO");
    let title = encode("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 3 NĂM 2019", Legacy::Tcvn3);
    assert_eq!(
        decode(&title, Legacy::Tcvn3),
        "BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG 3 NĂM 2019"
    );
    // Mixed case stays as typed: "Sè" is "Số", not "SỐ".
    assert_eq!(decode("Sè häc viªn", Legacy::Tcvn3), "Số học viên");
}

#[test]
fn plain_vietnamese_and_ascii_are_never_converted() {
    let plain = [
        "Số học viên",
        "Tên chuyên đề",
        "Ngày mở lớp",
        "Địa điểm",
        "Báo cáo viên",
        "Ghi chú",
        "Tiểu ban pháp luật",
        "Luật Giao thông đường bộ",
        "Phòng chống sốt xuất huyết",
        "Kỹ thuật trồng lúa lai",
        "Thôn Đông Sơn",
        "Nguyễn Thị Hương",
        "Trần Văn Bình",
        "Lê Thị Mai",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "STT",
        "So HV",
        "45 HV",
        "45 người",
        "1.200",
        "15/03/2019",
        "ngày 5 tháng 3 năm 2019",
        "Thon 3",
        "TT",
        "Tổng cộng",
        "Cộng",
        "Giám đốc",
        "Người lập biểu",
        "Văn hoá - Xã hội",
        "Khoẻ",
        "Thuỷ sản",
        "Ho\u{0323}c ta\u{0323}\u{0302}p",
        "café",
        "Müller",
        "Señor",
        "naïve",
        "50 %",
        "(1)",
        "",
    ];
    for s in plain {
        assert_eq!(detect(s), None, "{s}");
    }
}

#[test]
fn odd_input_never_panics() {
    let long = "ä".repeat(100_000);
    for s in [
        "",
        "\u{0301}",
        "ø",
        "aø",
        "🙂 ä",
        "\u{00AD}",
        long.as_str(),
        "ñ ö ô",
        "AÙ",
    ] {
        let _ = detect(s);
        let _ = decode(s, Legacy::Tcvn3);
        let _ = decode(s, Legacy::Vni);
    }
}

#[test]
fn encode_is_the_inverse_of_decode() {
    // No capital toned vowels here: TCVN3 cannot store "Ủ" outside an all-caps .VnTimeH title.
    for text in [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Phòng chống sốt xuất huyết",
        "Sử dụng phân hữu cơ vi sinh",
        "Thôn Đồng Bống",
    ] {
        for enc in [Legacy::Tcvn3, Legacy::Vni] {
            let legacy = encode(text, enc);
            assert_ne!(legacy, text);
            assert_eq!(detect(&legacy), Some(enc), "{legacy}");
            assert_eq!(decode(&legacy, enc), text);
        }
    }
}
