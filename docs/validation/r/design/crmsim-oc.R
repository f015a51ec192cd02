# Reference operating characteristics of dfcrm::crmsim for design.crm (CrmSimulationTest).
# Run: Rscript crmsim-oc.R <restrict TRUE|FALSE> <batches> <nsim per batch> > crmsim-oc-restrict-<TRUE|FALSE>.out
# Batches use seeds 2026, 2027, ...; the spread of the batch means gives R's own Monte Carlo SE.
.libPaths("/work/rlib-design")
library(dfcrm)
args <- commandArgs(TRUE)
restrict <- as.logical(args[1]); batches <- as.integer(args[2]); nsim <- as.integer(args[3])
PI <- c(0.05, 0.12, 0.25, 0.40, 0.55, 0.70)
prior <- getprior(0.05, 0.3, 4, 6)
cat("R ", R.version$major, ".", R.version$minor, ", dfcrm ", as.character(packageVersion("dfcrm")), "\n", sep = "")
cat("per batch b = 0..", batches - 1, ": crmsim(c(0.05, 0.12, 0.25, 0.40, 0.55, 0.70), getprior(0.05, 0.3, 4, 6), 0.3, ",
    "n = 30, x0 = 1, nsim = ", nsim, ", mcohort = 3, restrict = ", restrict, ", count = FALSE, seed = 2026 + b)\n", sep = "")
sel <- lev <- matrix(NA, batches, 6)
t <- system.time(for (b in 1:batches) {
  s <- crmsim(PI, prior, 0.3, n = 30, x0 = 1, nsim = nsim, mcohort = 3, restrict = restrict, count = FALSE,
              seed = 2025 + b)
  sel[b, ] <- 100 * s$MTD
  lev[b, ] <- s$level
})
cat("seconds:", t[["elapsed"]], " trials:", batches * nsim, "\n")
cat("selection % per dose:", sprintf("%.10g", colMeans(sel)), "\n")
cat("  its SE (batch means):", sprintf("%.4g", apply(sel, 2, sd) / sqrt(batches)), "\n")
cat("patients per dose:", sprintf("%.10g", colMeans(lev)), "\n")
cat("  its SE (batch means):", sprintf("%.4g", apply(lev, 2, sd) / sqrt(batches)), "\n")
