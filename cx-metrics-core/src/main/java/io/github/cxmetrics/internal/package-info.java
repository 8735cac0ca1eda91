/**
 * Counting kernels, exact sums and argument checks shared by the metric packages. Not exported:
 * nothing here is part of the public API.
 */
package io.github.cxmetrics.internal;
