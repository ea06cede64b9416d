"""Pinyin forms of a Chinese name, stored beside it so that ``zsf`` or ``zhangsanfeng`` finds
张三丰 with an indexed prefix query."""

from pypinyin import Style, lazy_pinyin


def name_pinyin(name):
    """(full pinyin, initials), both lower case without spaces: ("zhangsanfeng", "zsf")."""
    name = (name or "").strip()
    full = "".join(lazy_pinyin(name, errors="default")).lower().replace(" ", "")
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")).lower().replace(" ", "")
    return full[:200], initials[:50]
