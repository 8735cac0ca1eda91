package io.github.cxmetrics.charts;

/** The file formats of {@link CxCharts#save}. */
public enum ChartFormat {
  /** Portable Network Graphics, at the chart's size in pixels. */
  PNG,
  /**
   * Scalable Vector Graphics (XChart's VectorGraphics2D encoder), with the chart's words as text in
   * its {@code <title>} and {@code <desc>}.
   */
  SVG
}
