# Reference operating characteristics of BOIN::get.oc for design.boin (BoinSimulationTest).
# Run: Rscript boin-get-oc.R <batches> <ntrial per batch> > boin-get-oc.out
# Batches use seeds 2026, 2027, ...; the spread of the batch means gives R's own Monte Carlo SE.
.libPaths("/work/rlib-design")
library(BOIN)
args <- commandArgs(TRUE)
batches <- as.integer(args[1]); ntrial <- as.integer(args[2])
cat("R ", R.version$major, ".", R.version$minor, ", BOIN ", as.character(packageVersion("BOIN")), "\n", sep = "")
cat("per batch b = 0..", batches - 1, ": get.oc(target = 0.3, p.true = c(0.05, 0.12, 0.25, 0.40, 0.55, 0.70), ",
    "ncohort = 12, cohortsize = 3, ntrial = ", ntrial, ", seed = 2026 + b)\n", sep = "")
sel <- pts <- matrix(NA, batches, 6); stop <- rep(NA, batches)
t <- system.time(for (b in 1:batches) {
  oc <- get.oc(target = 0.3, p.true = c(0.05, 0.12, 0.25, 0.40, 0.55, 0.70), ncohort = 12, cohortsize = 3,
               ntrial = ntrial, seed = 2025 + b)
  sel[b, ] <- oc$selpercent; pts[b, ] <- oc$npatients; stop[b] <- oc$percentstop
})
cat("seconds:", t[["elapsed"]], " trials:", batches * ntrial, "\n")
cat("selection % per dose:", sprintf("%.10g", colMeans(sel)), "\n")
cat("  its SE (batch means):", sprintf("%.4g", apply(sel, 2, sd) / sqrt(batches)), "\n")
cat("no selection %:", sprintf("%.10g", mean(stop)), "\n")
cat("patients per dose:", sprintf("%.10g", colMeans(pts)), "\n")
cat("  its SE (batch means):", sprintf("%.4g", apply(pts, 2, sd) / sqrt(batches)), "\n")
