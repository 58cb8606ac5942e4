"""The band under the weight slider: the selected weight's stability interval on the slider's 0–100 % scale.

Drawn by `gui.models.stability_band.paint_band`, the same as the strip in the tree's weight column; the
tooltip says the interval in words and which pair of units swaps at each edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionSlider, QWidget

from gui.models.stability_band import BandView, band_tooltip, paint_band


class BandStrip(QWidget):
    HEIGHT = 6

    def __init__(self, slider=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = slider  # the band lines up with this slider's groove
        self.band: BandView | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.HEIGHT + 2)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(100, self.HEIGHT + 2)

    def set_band(self, band: BandView | None) -> None:
        self.band = band
        self.setToolTip(band_tooltip(band) if band is not None else "")
        self.update()

    def _span(self) -> tuple[float, float]:
        """Left and right x of the slider's handle centre at 0 and 100 %, in this widget's coordinates."""
        if self.slider is None:
            return 0.0, float(self.width())
        opt = QStyleOptionSlider()
        self.slider.initStyleOption(opt)
        handle = self.slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                                    QStyle.SubControl.SC_SliderHandle, self.slider)
        half = handle.width() / 2
        left = self.mapFromGlobal(self.slider.mapToGlobal(self.slider.rect().topLeft())).x()
        return left + half, left + self.slider.width() - half

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        if self.band is None:
            return
        x0, x1 = self._span()
        p = QPainter(self)
        paint_band(p, QRectF(x0, 1, max(1.0, x1 - x0), self.HEIGHT), self.band)
        p.end()
