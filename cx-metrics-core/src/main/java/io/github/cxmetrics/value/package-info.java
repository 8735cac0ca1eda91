/**
 * Customer lifetime value: closed-form formulas ({@link io.github.cxmetrics.value.Clv}) and the
 * per-customer purchase summary that probabilistic models consume ({@link
 * io.github.cxmetrics.value.PurchaseHistory}).
 *
 * <p>Units: money amounts are in the currency of the input; rates and margins are per period of the
 * input (a retention rate per year gives a value over years).
 */
package io.github.cxmetrics.value;
