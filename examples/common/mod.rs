//! What the two generators, make_samples and make_corpus, share: the villages of
//! Hồng Thái Tây that their classes are held in.

pub const VILLAGES: [&str; 8] = [
    "Thôn Đông Sơn",
    "Thôn Tây Sơn",
    "Thôn Bắc Sơn",
    "Thôn Nam Sơn",
    "Thôn Khe Sú",
    "Thôn Tân Yên",
    "Thôn Đồng Bống",
    "Thôn Hồng Hà",
];
