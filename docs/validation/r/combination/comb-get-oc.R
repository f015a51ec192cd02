# Reference operating characteristics of BOIN::get.oc.comb for design.boin-comb and design.waterfall
# (CombinationSimulationTest). Run: Rscript comb-get-oc.R <batches> <ntrial per batch> > comb-get-oc.out
# Batch b (1..batches) uses seed = 2025 + b; the spread of the batch means is R's own Monte Carlo SE.
.libPaths("/work/Rlib")
suppressMessages(library(BOIN))
args <- commandArgs(TRUE)
batches <- as.integer(args[1]); ntrial <- as.integer(args[2])
cat("# R ", R.version$major, ".", R.version$minor, ", BOIN ", as.character(packageVersion("BOIN")),
    "; ", batches, " batches of ntrial = ", ntrial, ", seed = 2025 + batch\n", sep = "")
help <- matrix(c(0.01, 0.03, 0.10, 0.20, 0.30,
                 0.03, 0.05, 0.15, 0.30, 0.60,
                 0.08, 0.10, 0.30, 0.60, 0.75), byrow = TRUE, ncol = 5)
other <- matrix(c(0.02, 0.04, 0.08, 0.12,
                  0.05, 0.10, 0.25, 0.40,
                  0.10, 0.25, 0.45, 0.60), byrow = TRUE, ncol = 4)
toxic <- matrix(c(0.15, 0.25, 0.35, 0.45,
                  0.25, 0.35, 0.50, 0.60,
                  0.30, 0.45, 0.60, 0.70), byrow = TRUE, ncol = 4)
scenarios <- list(
  S1 = list(call = "get.oc.comb(target = 0.3, p.true = help, ncohort = 20, cohortsize = 3, n.earlystop = 12, startdose = c(1, 1))",
            f = function(s) get.oc.comb(target = 0.3, help, ncohort = 20, cohortsize = 3, n.earlystop = 12,
                                        startdose = c(1, 1), ntrial = ntrial, seed = s)),
  S2 = list(call = "get.oc.comb(target = 0.25, p.true = other, ncohort = 12, cohortsize = 3, startdose = c(1, 1))",
            f = function(s) get.oc.comb(target = 0.25, other, ncohort = 12, cohortsize = 3,
                                        startdose = c(1, 1), ntrial = ntrial, seed = s)),
  S3 = list(call = "get.oc.comb(target = 0.3, p.true = help, ncohort = 20, cohortsize = 3, n.earlystop = 12, startdose = c(1, 1), titration = TRUE)",
            f = function(s) get.oc.comb(target = 0.3, help, ncohort = 20, cohortsize = 3, n.earlystop = 12,
                                        startdose = c(1, 1), titration = TRUE, ntrial = ntrial, seed = s)),
  W1 = list(call = "get.oc.comb(target = 0.3, p.true = help, ncohort = c(10, 5, 5), cohortsize = 3, n.earlystop = 12, startdose = c(1, 1), mtd.contour = TRUE)",
            f = function(s) get.oc.comb(target = 0.3, help, ncohort = c(10, 5, 5), cohortsize = 3, n.earlystop = 12,
                                        startdose = c(1, 1), mtd.contour = TRUE, ntrial = ntrial, seed = s)),
  W2 = list(call = "get.oc.comb(target = 0.25, p.true = other, ncohort = c(8, 4, 4), cohortsize = 3, mtd.contour = TRUE)",
            f = function(s) get.oc.comb(target = 0.25, other, ncohort = c(8, 4, 4), cohortsize = 3,
                                        mtd.contour = TRUE, ntrial = ntrial, seed = s)),
  S4 = list(call = "get.oc.comb(target = 0.3, p.true = toxic, ncohort = 10, cohortsize = 3, n.earlystop = 12, p.saf = 0.2, p.tox = 0.45, extrasafe = TRUE, boundMTD = TRUE)",
            f = function(s) get.oc.comb(target = 0.3, toxic, ncohort = 10, cohortsize = 3, n.earlystop = 12,
                                        p.saf = 0.2, p.tox = 0.45, extrasafe = TRUE, boundMTD = TRUE,
                                        ntrial = ntrial, seed = s)),
  W3 = list(call = "get.oc.comb(target = 0.3, p.true = toxic, ncohort = c(6, 4, 4), cohortsize = 3, mtd.contour = TRUE, titration = TRUE, extrasafe = TRUE, boundMTD = TRUE)",
            f = function(s) get.oc.comb(target = 0.3, toxic, ncohort = c(6, 4, 4), cohortsize = 3, mtd.contour = TRUE,
                                        titration = TRUE, extrasafe = TRUE, boundMTD = TRUE, ntrial = ntrial,
                                        seed = s)))
only <- if (length(args) > 2) args[3:length(args)] else names(scenarios)
for (name in only) {
  sc <- scenarios[[name]]
  sel <- pts <- NULL; extra <- NULL
  t <- system.time(for (b in 1:batches) {
    oc <- suppressWarnings(sc$f(2025 + b))
    sel <- rbind(sel, as.vector(t(oc$selpercent))); pts <- rbind(pts, as.vector(t(oc$npatients)))
    num <- function(x) as.numeric(sub("%", "", x))
    extra <- rbind(extra, if (is.null(oc$pcs.contour)) c(num(oc$pcs), num(oc$npercent), oc$percentstop, oc$totaln)
                          else c(num(oc$pcs.contour), num(oc$npercent.contour), num(oc$npercent.above.contour), oc$totaln))
  })
  f <- function(x) paste(sprintf("%.6g", x), collapse = ",")
  cat(name, "|", sc$call, "\n")
  cat(name, "| seconds |", t[["elapsed"]], "| trials |", batches * ntrial, "\n")
  cat(name, "| selpercent (row-major) |", f(colMeans(sel)), "\n")
  cat(name, "| selpercent SE |", f(apply(sel, 2, sd) / sqrt(batches)), "\n")
  cat(name, "| npatients (row-major) |", f(colMeans(pts)), "\n")
  cat(name, "| npatients SE |", f(apply(pts, 2, sd) / sqrt(batches)), "\n")
  cat(name, "| pcs, npercent, percentstop (or above contour), totaln |", f(colMeans(extra)), "\n")
  cat(name, "| their SE |", f(apply(extra, 2, sd) / sqrt(batches)), "\n")
}
