/**
 * Customer lifetime value: closed-form formulas ({@link io.github.cxmetrics.value.Clv}), the
 * per-customer purchase summary that probabilistic models consume ({@link
 * io.github.cxmetrics.value.PurchaseHistory}, {@link io.github.cxmetrics.value.CustomerSummaries}),
 * the BG/NBD, MBG/NBD and Pareto/NBD models of purchases ({@link io.github.cxmetrics.value.BgNbd},
 * {@link io.github.cxmetrics.value.MbgNbd}, {@link io.github.cxmetrics.value.ParetoNbd}, all {@link
 * io.github.cxmetrics.value.TransactionModel}s), the BG/BB model of transactions at discrete
 * opportunities ({@link io.github.cxmetrics.value.BgBb}, a {@link
 * io.github.cxmetrics.value.DiscreteTransactionModel}, fitted to {@link
 * io.github.cxmetrics.value.OpportunitySummaries}), the Gamma-Gamma model of their value ({@link
 * io.github.cxmetrics.value.GammaGamma}) and the lifetime value they give together ({@link
 * io.github.cxmetrics.value.ProbabilisticClv}); and the validation of a fit: calibration and
 * holdout data ({@link io.github.cxmetrics.value.CalibrationHoldout}), diagnostics ({@link
 * io.github.cxmetrics.value.FitDiagnostics}), delta-method uncertainty of predictions ({@link
 * io.github.cxmetrics.value.ModelFit#predict}) and the bootstrap ({@link
 * io.github.cxmetrics.value.Bootstrap}); and, for subscriptions, the contractual models of customer
 * lifetimes ({@link io.github.cxmetrics.value.ContractualModel}: {@link
 * io.github.cxmetrics.value.ShiftedBetaGeometric sBG} and {@link
 * io.github.cxmetrics.value.BetaDiscreteWeibull BdW}), fitted to the survivor counts of cohorts
 * ({@link io.github.cxmetrics.value.SurvivorCounts}), with projections and the discounted expected
 * (residual) lifetime of a customer.
 *
 * <p>Units: money amounts are in the currency of the input; rates and margins are per period of the
 * input (a retention rate per year gives a value over years). The probabilistic models work in the
 * time unit of the summaries they were fitted to; the contractual models, in the periods of their
 * survivor counts.
 *
 * <p>Where the contractual models live: they are models of customer value fitted by the same
 * maximum-likelihood machinery ({@link io.github.cxmetrics.value.ModelFit}, the Newton search) as
 * BG/NBD, so they belong here rather than in {@code retention}, which holds the period metrics;
 * their data come from a {@code retention.CohortTable} through {@code activeCounts()}, plain
 * arrays, so that neither package imports the other.
 *
 * <h2>Design notes: numerical libraries</h2>
 *
 * <ul>
 *   <li>Special functions (log-gamma, log-beta, digamma, trigamma, the regularized incomplete beta
 *       function) come from Apache Commons Numbers ({@code commons-numbers-gamma}); random variates
 *       for {@link io.github.cxmetrics.value.BgNbd#simulate} from Apache Commons RNG. Both were
 *       already dependencies of Commons Statistics.
 *   <li>The maximum-likelihood search is Newton's method with the analytic Hessian and
 *       Levenberg-Marquardt damping, written here (package-private). Commons Numbers and Commons
 *       Statistics have no optimizer; Hipparchus and Commons Math 3 have general ones, but their
 *       jars declare no module name (so this named module could only require them through names
 *       derived from file names, which must not be published) and none of their optimizers uses an
 *       analytic Hessian. These models have their Hessians in closed form, and the fit needs them
 *       anyway for the standard errors; with them Newton's method converges in 10 to 20 steps.
 *   <li>The hypergeometric function of the BG/NBD expectations is not evaluated: they are computed
 *       as a series of positive terms with the same value (see {@link
 *       io.github.cxmetrics.value.BgNbd}), checked against SciPy's {@code hyp2f1} in the tests.
 * </ul>
 */
package io.github.cxmetrics.value;
