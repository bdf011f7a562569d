"""Makes the fonts that draw notes in other scripts (Chinese, Japanese, Korean, Arabic, Hebrew,
Thai and emoji) into `assets/script-fonts/`; the files are committed.

Flutter's web engine draws every letter itself. For a letter its bundled Roboto lacks, it asks for
one of Google's Noto fonts under `assets/fonts/<family>/...` (see `pwa.adapters.script_fonts`,
which answers those requests with these files). Whole Noto fonts would not fit the offline app's
20 MB: the Chinese, Japanese and Korean one alone is 16 MB. So each font here is cut down to what
notes need (about 1.3 MB in all):
- CJK: the characters that make up 99.5 % of written Chinese and Japanese and 99.8 % of Korean
  (ranked by the word lists of `wordfreq`), the words of `TOPIC_WORDS` (twitch, cramp, eyelid...),
  kana, CJK punctuation and full-width forms, from Noto Sans CJK SC. Rarer characters still show as
  boxes.
- Arabic, Hebrew, Thai: their whole Unicode blocks with the shaping rules.
- Noto Sans: accented Latin, Greek and Cyrillic beyond Roboto's, and common symbols.
- Emoji: the monochrome Noto Emoji (outline, not colour: colour emoji are 10 MB), common blocks.

Inputs (not committed, about 80 MB): Debian's `fonts-noto-cjk` and `fonts-noto-core` packages
(`apt-get download`), and `@fontsource/noto-emoji` from the npm registry. Needs `fonttools` and
`wordfreq` (`pip install fonttools wordfreq`). Run `python -m pwa.tools.make_script_fonts`.
"""

from __future__ import annotations

import collections
import hashlib
import io
import subprocess
import tarfile
import urllib.request
from pathlib import Path

from pwa.adapters.paths import CACHE_DIR
from pwa.adapters.script_fonts import SCRIPT_FONTS_DIR

DOWNLOADS = CACHE_DIR / "downloads" / "script-fonts"
DEBIAN_PACKAGES = ("fonts-noto-cjk", "fonts-noto-core")
EMOJI_TARBALL = "https://registry.npmjs.org/@fontsource/noto-emoji/-/noto-emoji-5.3.2.tgz"
EMOJI_SHA256 = "1fe49bb2cf7c2d78f93c0a69b6a431dcfd0d585b7831eba87fae6888ccf8d373"

OFL = "This Font Software is licensed under the SIL Open Font License, Version 1.1."
CJK_COVERAGE = {"zh": 0.995, "ja": 0.995, "ko": 0.998}
# What people write about twitching, whether or not those words are common in general text.
TOPIC_WORDS = (
    "抽搐 痉挛 肌束颤动 颤抖 跳动 麻木 刺痛 抽筋 焦虑 紧张 咖啡 失眠 眼皮 小腿 大腿 舌头 手臂 肩膀 疲劳 锻炼 "
    "痙攣 筋肉 ぴくぴく 震え しびれ 不安 眠れない まぶた ふくらはぎ 太もも 舌 腕 肩 疲れ 運動 "
    "경련 근육 떨림 저림 쥐가 불안 카페인 수면 눈꺼풀 종아리 허벅지 혀 팔 어깨 피로 운동"
)


def _blocks(*ranges: tuple[int, int]) -> str:
    return "".join(chr(c) for first, last in ranges for c in range(first, last + 1))


CJK_EXTRA = _blocks(
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana and katakana
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFF61, 0xFF9F),  # half-width katakana
)
LATIN_GREEK_CYRILLIC = _blocks(
    (0x00A0, 0x024F), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x052F), (0x1E00, 0x1EFF),
    (0x1F00, 0x1FFF), (0x2000, 0x206F), (0x20A0, 0x20CF),
)  # fmt: skip
EMOJI = _blocks(
    (0x2600, 0x26FF), (0x2700, 0x27BF),  # weather, hearts, ticks and stars
    (0x1F300, 0x1F32F),  # sky and weather
    (0x1F440, 0x1F4AF),  # hands, people, hearts
    (0x1F600, 0x1F64F),  # faces
    (0x1F90C, 0x1F97F),  # more faces and hands
    (0x1FAE0, 0x1FAFF),  # newer faces and hands
    (0xFE0F, 0xFE0F), (0x200D, 0x200D),  # the emoji form and the joiner
)  # fmt: skip


def _cjk_characters() -> str:
    import wordfreq

    chosen: set[str] = set(CJK_EXTRA) | set(TOPIC_WORDS.replace(" ", ""))
    for language, share in CJK_COVERAGE.items():
        counts: collections.Counter[str] = collections.Counter()
        for word, frequency in wordfreq.get_frequency_dict(language).items():
            for character in word:
                if ord(character) >= 0x2E80:
                    counts[character] += frequency
        total, running = sum(counts.values()), 0.0
        for character, count in counts.most_common():
            if running / total >= share:
                break
            chosen.add(character)
            running += count
    return "".join(sorted(chosen))


def _debian_fonts() -> Path:
    root = DOWNLOADS / "debian"
    if not (root / "usr").exists():
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", *DEBIAN_PACKAGES], cwd=DOWNLOADS, check=True)
        for package in sorted(DOWNLOADS.glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True)
    return root / "usr" / "share" / "fonts"


def _emoji_font() -> bytes:
    tarball = DOWNLOADS / "noto-emoji-5.3.2.tgz"
    if not tarball.exists():
        DOWNLOADS.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(EMOJI_TARBALL, timeout=120) as response:
            tarball.write_bytes(response.read())
    if hashlib.sha256(tarball.read_bytes()).hexdigest() != EMOJI_SHA256:
        raise RuntimeError(f"{tarball}: unexpected sha256")
    with tarfile.open(tarball) as archive:
        member = archive.extractfile("package/files/noto-emoji-emoji-400-normal.woff2")
        assert member is not None
        return member.read()


def cut(source: Path | bytes, characters: str, *, font_number: int = -1, shaping: bool = False) -> bytes:
    """A WOFF2 with only `characters` (and, with `shaping`, the rules that join and place them)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(source) if isinstance(source, bytes) else source, fontNumber=font_number)
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.name_IDs = ["*"]  # keeps the copyright and the SIL Open Font License notice
    options.notdef_outline = True
    # Without shaping, no layout rules at all: CJK's regional-form rules ("locl") alone would pull
    # in thousands of alternative glyphs.
    options.layout_features = ["*"] if shaping else []
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    if font["name"].getDebugName(13) is None:  # fontsource's Noto Emoji leaves its licence out
        font["name"].setName(OFL, 13, 3, 1, 0x409)
        font["name"].setName("https://openfontlicense.org", 14, 3, 1, 0x409)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def main() -> None:
    fonts = _debian_fonts()
    core, cjk = fonts / "truetype" / "noto", fonts / "opentype" / "noto" / "NotoSansCJK-Regular.ttc"
    made = {
        "cjk.woff2": cut(cjk, _cjk_characters(), font_number=2),  # 2: the Simplified Chinese face
        "arabic.woff2": cut(core / "NotoSansArabic-Regular.ttf", _blocks((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)), shaping=True),
        "hebrew.woff2": cut(core / "NotoSansHebrew-Regular.ttf", _blocks((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), shaping=True),
        "thai.woff2": cut(core / "NotoSansThai-Regular.ttf", _blocks((0x0E00, 0x0E7F)), shaping=True),
        "notosans.woff2": cut(core / "NotoSans-Regular.ttf", LATIN_GREEK_CYRILLIC),
        "emoji.woff2": cut(_emoji_font(), EMOJI),
    }  # fmt: skip
    SCRIPT_FONTS_DIR.mkdir(parents=True, exist_ok=True)
    for name, data in made.items():
        (SCRIPT_FONTS_DIR / name).write_bytes(data)
        print(f"{name}: {len(data) / 1000:.0f} kB")


if __name__ == "__main__":
    main()
