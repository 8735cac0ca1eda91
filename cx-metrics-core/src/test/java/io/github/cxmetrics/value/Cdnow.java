package io.github.cxmetrics.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW sample in test resources {@code cdnow/} (see its README): 6,919 transactions of 2,357
 * customers, and the 39-week calibration summary of Fader, Hardie &amp; Lee (2005).
 */
final class Cdnow {
  /** The last day of the 39-week calibration period of the CDNOW studies. */
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  record Transaction(int customer, LocalDate date, double amount) {}

  private Cdnow() {}

  static List<String> lines(String resource) {
    try (InputStream in = Cdnow.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return the raw transactions, in file order} */
  static List<Transaction> transactions() {
    DateTimeFormatter format = DateTimeFormatter.BASIC_ISO_DATE;
    List<Transaction> transactions = new ArrayList<>();
    for (String line : lines("/cdnow/CDNOW_sample.txt")) {
      String[] fields = line.trim().split("\\s+");
      transactions.add(
          new Transaction(
              Integer.parseInt(fields[1]),
              LocalDate.parse(fields[2], format),
              Double.parseDouble(fields[4])));
    }
    return transactions;
  }

  /** {@return the calibration summary in weeks, built from the raw transactions by the library} */
  static List<PurchaseHistory> calibration() {
    return PurchaseHistory.summarize(
        transactions(),
        Transaction::customer,
        Transaction::date,
        Transaction::amount,
        CALIBRATION_END,
        ChronoUnit.WEEKS);
  }
}
