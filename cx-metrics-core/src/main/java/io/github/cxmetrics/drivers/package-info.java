/**
 * Key-driver analysis: which attribute ratings move an outcome (an NPS answer, a CSAT or CES
 * rating) most, from an exact, mergeable aggregate of co-moments ({@link
 * io.github.cxmetrics.drivers.DriverMoments}) that runs per segment or per partition, and the
 * importances computed from it ({@link io.github.cxmetrics.drivers.DriverImportance}).
 */
package io.github.cxmetrics.drivers;
