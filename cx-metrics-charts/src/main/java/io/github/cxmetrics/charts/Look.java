package io.github.cxmetrics.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The house look of the charts: the Okabe-Ito colour-blind-safe palette (M. Okabe and K. Ito,
 * "Color Universal Design: how to make figures and presentations that are friendly to colorblind
 * people", 2008, https://jfly.uni-koeln.de/color/), fonts readable on a slide, white background,
 * light grid, legend below the plot, numbers with at most two decimals in the English locale.
 */
final class Look {
  static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
  static final Color GREEN = new Color(0x00, 0x9E, 0x73);
  static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
  static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
  static final Color GREY = new Color(0x99, 0x99, 0x99);
  static final Color BLACK = Color.BLACK;

  /** The series colours in order: blue first, as the main series of most charts. */
  static final Color[] PALETTE = {BLUE, ORANGE, GREEN, VERMILLION, SKY_BLUE, PURPLE, YELLOW, BLACK};

  /** A translucent sky blue for interval bands, so that the line above stays visible. */
  static final Color BAND = new Color(0x56, 0xB4, 0xE9, 0x66);

  /**
   * The heatmaps' scale, light to dark: a sequential blue ramp, readable by every kind of colour
   * vision (lightness alone carries the value).
   */
  static final Color[] SEQUENTIAL = {
    new Color(0xEF, 0xF3, 0xFF),
    new Color(0xBD, 0xD7, 0xE7),
    new Color(0x6B, 0xAE, 0xD6),
    new Color(0x21, 0x71, 0xB5)
  };

  static final BasicStroke DASHED =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f}, 0f);
  static final BasicStroke SOLID = new BasicStroke(2.5f);

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
  private static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

  private Look() {}

  /** Applies the look to an axes chart's styler. */
  static void apply(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(new Color(0xE0, 0xE0, 0xE0));
    styler.setChartTitleFont(TITLE);
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTitleFont(AXIS_TITLE);
    styler.setAxisTickLabelsFont(TICKS);
    styler.setLegendFont(LEGEND);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setSeriesColors(PALETTE);
    styler.setLocale(Locale.ENGLISH);
    styler.setChartPadding(16);
    styler.setMarkerSize(9);
    styler.setDecimalPattern("#,##0.##");
    styler.setYAxisDecimalPattern("#,##0.##");
    styler.setXAxisDecimalPattern("#,##0.##");
    styler.setAnnotationTextFont(TICKS);
  }

  /** {@code value} with {@code decimals} decimals, grouped by thousands, in English. */
  static String number(double value, int decimals) {
    StringBuilder pattern = new StringBuilder("#,##0");
    if (decimals > 0) {
      pattern.append('.');
      pattern.append("0".repeat(decimals));
    }
    return new DecimalFormat(pattern.toString(), DecimalFormatSymbols.getInstance(Locale.ENGLISH))
        .format(value);
  }

  /** A fraction in [0, 1] as a percentage with one decimal, e.g. "62.1%". */
  static String percent(double fraction) {
    return number(100 * fraction, 1) + "%";
  }

  /** A confidence level as a percentage with the decimals it needs: "95%", "99.5%". */
  static String level(double level) {
    return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ENGLISH))
            .format(100 * level)
        + "%";
  }

  /** The text with its first letter in upper case. */
  static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
