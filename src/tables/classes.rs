//! The 类 of the national 政府收支分类 functional classification (支出功能分类科目), by name.
//!
//! Other provinces print the expenditure side of a balance table (T1, T4) by class name only
//! (`一、教育支出`, `社会保障和就业支出`), without the code the Xinjiang template prints. The
//! classification is national, so a class name gives its code; names of earlier years are kept.
//! The 类 of the 部门经济分类 are known by name too (tables by unit print them without codes).

/// `(code, name)` of every 类, current names first, then the names of earlier years.
const CLASSES: [(&str, &str); 37] = [
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("209", "社会保险基金支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("227", "预备费"),
    ("229", "其他支出"),
    ("230", "转移性支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("233", "债务发行费用支出"),
    ("234", "抗疫特别国债安排的支出"),
    // Names of earlier years.
    ("207", "文化体育与传媒支出"),
    ("210", "医疗卫生与计划生育支出"),
    ("210", "医疗卫生支出"),
    ("215", "资源勘探信息等支出"),
    ("215", "资源勘探电力信息等支出"),
    ("220", "国土海洋气象等支出"),
    ("222", "粮油物资储备管理等事务"),
];

/// The code of the 类 named `name` (whitespace removed, enumerator stripped), if it is one.
pub fn class_code(name: &str) -> Option<&'static str> {
    CLASSES.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
}

/// The 类 of the 部门经济分类 by name: a unit's basic spending is printed over them.
const ECONOMIC_CLASSES: [&str; 10] = [
    "工资福利支出",
    "商品和服务支出",
    "对个人和家庭的补助",
    "债务利息及费用支出",
    "资本性支出(基本建设)",
    "资本性支出",
    "对企业补助(基本建设)",
    "对企业补助",
    "对社会保障基金补助",
    "其他支出",
];

/// Is `name` (whitespace removed) a 类 of the 部门经济分类?
pub fn is_economic_class(name: &str) -> bool {
    ECONOMIC_CLASSES.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_this_year_and_earlier_years() {
        assert_eq!(class_code("教育支出"), Some("205"));
        assert_eq!(class_code("医疗卫生与计划生育支出"), Some("210"));
        assert_eq!(class_code("其他教育支出"), None);
        assert_eq!(class_code("公安"), None);
    }
}
