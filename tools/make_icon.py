"""Draw the application icon (a rising bar chart on a blue tile) into resources/icons/.

    python tools/make_icon.py

Writes app.png (256 px, the window icon), app.ico (16–256 px, Windows) and app.icns (macOS).
Pillow only; the result is committed, so a build never needs to run this.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int = 1024) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle([8 * s, 8 * s, 248 * s, 248 * s], radius=44 * s, fill=(21, 101, 192, 255))
    d.rounded_rectangle([8 * s, 8 * s, 248 * s, 128 * s], radius=44 * s, fill=(30, 136, 229, 255))
    d.rectangle([8 * s, 84 * s, 248 * s, 128 * s], fill=(30, 136, 229, 255))
    base = 206 * s
    bars = [(52, 150), (98, 116), (144, 84), (190, 50)]  # x, top: rising to the right
    for i, (x, top) in enumerate(bars):
        color = (255, 193, 7, 255) if i == len(bars) - 1 else (255, 255, 255, 255)
        d.rounded_rectangle([x * s - 16 * s, top * s, x * s + 16 * s, base], radius=5 * s, fill=color)
    d.rounded_rectangle([32 * s, base + 4 * s, 224 * s, base + 12 * s], radius=4 * s, fill=(255, 255, 255, 220))
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(OUT / "app.png")
    big.save(OUT / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.resize((512, 512), Image.LANCZOS).save(OUT / "app.icns")
    for f in sorted(OUT.iterdir()):
        print(f"{f.relative_to(OUT.parent.parent)}  {f.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
