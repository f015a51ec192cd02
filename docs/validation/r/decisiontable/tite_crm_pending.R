# Reference values for CrmSpeedTest (io.daybreak.methods.design.crm): the TITE-CRM weighted-likelihood posterior with
# many pending patients, whose likelihood factors CrmPosterior now multiplies and logs once per node (issue 19 item 6).
# R 4.2.2, base R only: integrate() with rel.tol 1e-12 over (-30, 30), as dfcrm's titecrm integrates.
# Run: Rscript docs/validation/r/decisiontable/tite_crm_pending.R
skeleton <- c(0.05, 0.12, 0.25, 0.40, 0.55)
v <- 1.34
# complete: dose 1: 3 patients 0 DLT; dose 2: 3 patients 1 DLT; dose 3: 2 patients 1 DLT
dose <- c(1, 1, 1, 2, 2, 2, 3, 3)
dlt <- c(0, 0, 0, 0, 1, 0, 1, 0)
# pending (no DLT yet), 12 patients, weights near 0 and near 1
pdose <- c(3, 3, 3, 4, 4, 4, 4, 3, 2, 4, 4, 3)
pw <- c(0.999, 0.98, 0.9, 0.75, 0.5, 0.33, 0.2, 0.1, 0.05, 0.01, 1e-4, 1e-7)
loglik <- function(b) {
  sapply(b, function(beta) {
    lp <- exp(beta) * log(skeleton)  # log p, and log(1 - p) without cancellation
    sum(dlt * lp[dose] + (1 - dlt) * log(-expm1(lp[dose]))) + sum(log1p(-pw * exp(lp[pdose])))
  })
}
f0 <- function(b) exp(loglik(b) - b^2 / (2 * v))
den <- integrate(f0, -30, 30, rel.tol = 1e-12)$value
mean_beta <- integrate(function(b) b * f0(b), -30, 30, rel.tol = 1e-12)$value / den
cat(sprintf("posterior mean of beta %.12f\n", mean_beta))
cat(sprintf("plug-in ptox %s\n", paste(sprintf("%.12f", skeleton^exp(mean_beta)), collapse = " ")))
mean_p4 <- integrate(function(b) skeleton[4]^exp(b) * f0(b), -30, 30, rel.tol = 1e-12)$value / den
cat(sprintf("posterior mean of p at dose 4 %.12f\n", mean_p4))
