/**
 * Calendar periods shared by the families that group by time: cohort tables ({@code retention}) and
 * trends ({@code breakdown}).
 */
package io.github.cxmetrics.calendar;
