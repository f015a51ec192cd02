# Reference trial-report measures of BOIN::get.oc for design.boin (BoinReportTest): a scenario whose dose 3 has a
# true DLT rate equal to the target, so that get.oc also reports its overdosing risks (overdose60, overdose80).
# Run: R_LIBS=/work/rlib-bench Rscript boin-get-oc-report.R <batches> <ntrial per batch> > boin-get-oc-report.out
# Batches use seeds 2026, 2027, ...; the spread of the batch means gives R's own Monte Carlo SE.
library(BOIN)
args <- commandArgs(TRUE)
batches <- as.integer(args[1]); ntrial <- as.integer(args[2])
p.true <- c(0.05, 0.15, 0.30, 0.45, 0.60); k <- length(p.true)
cat("R ", R.version$major, ".", R.version$minor, ", BOIN ", as.character(packageVersion("BOIN")), "\n", sep = "")
cat("per batch b = 0..", batches - 1, ": get.oc(target = 0.3, p.true = c(0.05, 0.15, 0.30, 0.45, 0.60), ",
    "ncohort = 10, cohortsize = 3, ntrial = ", ntrial, ", seed = 2026 + b)\n", sep = "")
sel <- pts <- tox <- matrix(NA, batches, k)
stop <- od60 <- od80 <- totaln <- totaltox <- rep(NA, batches)
for (b in 1:batches) {
  oc <- get.oc(target = 0.3, p.true = p.true, ncohort = 10, cohortsize = 3, ntrial = ntrial, seed = 2025 + b)
  sel[b, ] <- oc$selpercent; pts[b, ] <- oc$npatients; tox[b, ] <- oc$ntox
  stop[b] <- oc$percentstop; od60[b] <- oc$overdose60; od80[b] <- oc$overdose80
  totaln[b] <- oc$totaln; totaltox[b] <- oc$totaltox
}
se <- function(x) sprintf("%.4g", sd(x) / sqrt(batches))
ses <- function(m) sprintf("%.4g", apply(m, 2, sd) / sqrt(batches))
cat("trials:", batches * ntrial, "\n")
cat("selection % per dose:", sprintf("%.10g", colMeans(sel)), "\n")
cat("  its SE (batch means):", ses(sel), "\n")
above <- sel[, 4] + sel[, 5]
cat("% of trials selecting a dose above the MTD (dose 3), sum of selpercent[4:5]:", sprintf("%.10g", mean(above)),
    " SE", se(above), "\n")
cat("percentstop (no dose selected):", sprintf("%.10g", mean(stop)), " SE", se(stop), "\n")
cat("patients per dose:", sprintf("%.10g", colMeans(pts)), "\n")
cat("  its SE (batch means):", ses(pts), "\n")
cat("DLTs per dose:", sprintf("%.10g", colMeans(tox)), "\n")
cat("  its SE (batch means):", ses(tox), "\n")
pAbove <- 100 * (pts[, 4] + pts[, 5]) / totaln
cat("% of patients treated above the MTD, mean over batches of sum(npatients[4:5]) / totaln:",
    sprintf("%.10g", mean(pAbove)), " SE", se(pAbove), "\n")
cat("totaln:", sprintf("%.10g", mean(totaln)), " SE", se(totaln), "\n")
cat("totaltox:", sprintf("%.10g", mean(totaltox)), " SE", se(totaltox), "\n")
cat("overdose60 (% of trials treating > 60% of 30 patients above the MTD):", sprintf("%.10g", mean(od60)), " SE",
    se(od60), "\n")
cat("overdose80 (% of trials treating > 80% of 30 patients above the MTD):", sprintf("%.10g", mean(od80)), " SE",
    se(od80), "\n")
