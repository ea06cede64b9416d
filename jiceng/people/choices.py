from django.db import models


class Sex(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class Education(models.TextChoices):
    """The education categories of the Party's internal statistics."""

    POSTGRADUATE = "postgraduate", "研究生"
    UNIVERSITY = "university", "大学本科"
    COLLEGE = "college", "大学专科"
    SECONDARY_VOCATIONAL = "secondary_vocational", "中专（中职）"
    SENIOR_HIGH = "senior_high", "高中、中技"
    JUNIOR_HIGH_BELOW = "junior_high_below", "初中及以下"


# "College and above" (大专及以上) and "senior high and above" (高中及以上) as the statistics use them.
EDUCATION_COLLEGE_AND_ABOVE = (Education.POSTGRADUATE, Education.UNIVERSITY, Education.COLLEGE)
EDUCATION_SENIOR_HIGH_AND_ABOVE = EDUCATION_COLLEGE_AND_ABOVE + (
    Education.SECONDARY_VOCATIONAL,
    Education.SENIOR_HIGH,
)

# GB 3304 codes of the 56 ethnic groups, plus the two extra codes of the standard.
ETHNICITIES = [
    ("01", "汉族"),
    ("02", "蒙古族"),
    ("03", "回族"),
    ("04", "藏族"),
    ("05", "维吾尔族"),
    ("06", "苗族"),
    ("07", "彝族"),
    ("08", "壮族"),
    ("09", "布依族"),
    ("10", "朝鲜族"),
    ("11", "满族"),
    ("12", "侗族"),
    ("13", "瑶族"),
    ("14", "白族"),
    ("15", "土家族"),
    ("16", "哈尼族"),
    ("17", "哈萨克族"),
    ("18", "傣族"),
    ("19", "黎族"),
    ("20", "傈僳族"),
    ("21", "佤族"),
    ("22", "畲族"),
    ("23", "高山族"),
    ("24", "拉祜族"),
    ("25", "水族"),
    ("26", "东乡族"),
    ("27", "纳西族"),
    ("28", "景颇族"),
    ("29", "柯尔克孜族"),
    ("30", "土族"),
    ("31", "达斡尔族"),
    ("32", "仫佬族"),
    ("33", "羌族"),
    ("34", "布朗族"),
    ("35", "撒拉族"),
    ("36", "毛南族"),
    ("37", "仡佬族"),
    ("38", "锡伯族"),
    ("39", "阿昌族"),
    ("40", "普米族"),
    ("41", "塔吉克族"),
    ("42", "怒族"),
    ("43", "乌孜别克族"),
    ("44", "俄罗斯族"),
    ("45", "鄂温克族"),
    ("46", "德昂族"),
    ("47", "保安族"),
    ("48", "裕固族"),
    ("49", "京族"),
    ("50", "塔塔尔族"),
    ("51", "独龙族"),
    ("52", "鄂伦春族"),
    ("53", "赫哲族"),
    ("54", "门巴族"),
    ("55", "珞巴族"),
    ("56", "基诺族"),
    ("97", "其他"),
    ("98", "外国血统中国籍人士"),
]
HAN = "01"
ETHNICITY_BY_NAME = {name: code for code, name in ETHNICITIES}
