package io.github.cxmetrics.laws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cxmetrics.stats.Mergeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collector;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The laws every mergeable value obeys, run on random inputs: every {@code XxxPropertiesTest} of a
 * {@link Mergeable} value extends this class and says how to make the value from a list of input
 * records, so that each law is written once.
 *
 * <p>The laws: the empty value is the identity of {@code merge}; {@code merge} is associative and
 * commutative; splitting the input anywhere and merging the parts gives the value of the whole; the
 * value's collector (its accumulator) equals the factory, and on a parallel stream equals the
 * sequential result; the byte encoding reads back to an equal value.
 *
 * @param <V> the value
 * @param <R> one input record: an answer, a rating, a customer
 */
public abstract class MergeableLaws<V extends Mergeable<V>, R> {
  /** {@return random inputs; records of different lists must be of disjoint customers} */
  protected abstract Gen<List<R>> inputs();

  /** {@return the value of {@code input} by the value's main factory} */
  protected abstract V of(List<R> input);

  /** {@return the value of no input, of the definition {@link #of} uses} */
  protected abstract V empty();

  /** {@return the value's collector of records, where it has one} */
  protected Optional<Collector<R, ?, V>> collector() {
    return Optional.empty();
  }

  /** {@return the value read back from its encoding, where it has one} */
  protected Optional<V> roundTrip(V value) {
    return Optional.empty();
  }

  private static <R> List<R> concat(List<R> a, List<R> b) {
    List<R> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void emptyIsTheIdentityOfMerge() {
    qt().forAll(inputs())
        .checkAssert(
            input -> {
              V value = of(input);
              assertThat(value.merge(empty())).isEqualTo(value);
              assertThat(empty().merge(value)).isEqualTo(value);
              assertThat(of(List.of())).isEqualTo(empty());
            });
  }

  @Test
  void mergeIsAssociativeAndCommutative() {
    qt().forAll(inputs(), inputs(), inputs())
        .checkAssert(
            (a, b, c) -> {
              V x = of(a);
              V y = of(b);
              V z = of(c);
              assertThat(x.merge(y).merge(z)).isEqualTo(x.merge(y.merge(z)));
              assertThat(x.merge(y)).isEqualTo(y.merge(x));
            });
  }

  @Test
  void splittingTheInputNeverChangesTheResult() {
    qt().forAll(inputs(), integers().between(0, 1000))
        .checkAssert(
            (input, cut) -> {
              int at = input.isEmpty() ? 0 : cut % (input.size() + 1);
              V parts = of(input.subList(0, at)).merge(of(input.subList(at, input.size())));
              assertThat(parts).isEqualTo(of(input));
            });
    qt().forAll(inputs(), inputs())
        .checkAssert((a, b) -> assertThat(of(concat(a, b))).isEqualTo(of(a).merge(of(b))));
  }

  @Test
  void collectorEqualsTheFactoryAndParallelEqualsSequential() {
    assumeTrue(collector().isPresent(), "the value has no collector");
    Collector<R, ?, V> collector = collector().orElseThrow();
    qt().forAll(inputs())
        .checkAssert(
            input -> {
              V expected = of(input);
              assertThat(input.stream().collect(collector)).isEqualTo(expected);
              assertThat(input.parallelStream().collect(collector)).isEqualTo(expected);
            });
  }

  @Test
  void theEncodingReadsBackToAnEqualValue() {
    assumeTrue(roundTrip(empty()).isPresent(), "the value has no encoding");
    qt().forAll(inputs())
        .checkAssert(
            input -> {
              V value = of(input);
              assertThat(roundTrip(value)).contains(value);
            });
  }
}
