# R side of the counting benchmark: data.table counts of the same file as CountBench (unique reports per pair
# within strata, drug and event margins per stratum, stratified expected counts).
#   Rscript count.R /tmp/daybreak-signal-bench/reports-10m.csv
suppressMessages(library(data.table))
f <- commandArgs(TRUE)[1]
t0 <- proc.time()[["elapsed"]]
d <- fread(f)
t1 <- proc.time()[["elapsed"]]
d[, stratum := paste(sex, age_group, year, sep = "|")]
u <- unique(d[, .(report, drug, event, stratum)])
pairs <- u[, .(n = .N), by = .(drug, event)]   # a report sits in one stratum: unique (report, drug, event)
ds <- unique(u[, .(report, drug, stratum)])[, .(nd = .N), by = .(drug, stratum)]
es <- unique(u[, .(report, event, stratum)])[, .(ne = .N), by = .(event, stratum)]
ns <- unique(u[, .(report, stratum)])[, .(ns = .N), by = stratum]
# E = sum over strata of nd * ne / ns, for the observed pairs (all strata where both the drug and the event occur)
x <- merge(pairs[, .(drug, event)], ds, by = "drug", allow.cartesian = TRUE)
x <- merge(merge(x, es, by = c("event", "stratum")), ns, by = "stratum")
E <- x[, .(E = sum(nd * ne / ns)), by = .(drug, event)]
t2 <- proc.time()[["elapsed"]]
cat(sprintf("fread %.2f s, counting %.2f s: %d pairs, %d reports, sum n %d, sum E %.6f\n", t1 - t0, t2 - t1,
            nrow(pairs), sum(ns$ns), sum(pairs$n), sum(E$E)))
