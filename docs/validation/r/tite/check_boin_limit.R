# Sanity check: with a (near) zero assessment window nothing is ever pending, so the TITE-BOIN
# simulator must reproduce plain BOIN (BOIN::get.oc algorithm, n.earlystop off) within MC error.
# Run: nice Rscript docs/validation/r/tite/check_boin_limit.R [nsim]
#      TW=0.001 nice Rscript docs/validation/r/tite/c_sim_titeboin.R [nsim] 7
args <- commandArgs(TRUE)
nsim <- if (length(args) >= 1) as.integer(args[1]) else 4000L
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "titeboin_core.R"))
ptrue <- c(0.05, 0.10, 0.20, 0.30, 0.45); target <- 0.3; K <- 5; lam <- boin_lambdas(target)
one <- function() {
  n <- y <- rep(0, K); elim <- rep(FALSE, K); d <- 1
  for (coh in 1:10) {
    n[d] <- n[d] + 3; y[d] <- y[d] + rbinom(1, 3, ptrue[d])
    if (elim_flag(n[d], y[d], target)) { elim[d:K] <- TRUE; if (d == 1) return(list(mtd = 0, n = n)) }
    if (y[d] / n[d] <= lam[1]) { if (d < K && !elim[d + 1]) d <- d + 1 }
    else if (y[d] / n[d] >= lam[2]) d <- max(d - 1, 1)
  }
  m <- boin_select_mtd(target, n, y); list(mtd = ifelse(is.na(m), 0, m), n = n)
}
set.seed(11)
o <- replicate(nsim, one(), simplify = FALSE)
sel <- sapply(o, `[[`, "mtd"); N <- t(sapply(o, `[[`, "n"))
cat("plain BOIN  nsim", nsim, "\nselection % (none,1..5):", sprintf("%.2f", 100 * sapply(0:K, function(k) mean(sel == k))),
    "\npatients per dose:", sprintf("%.3f", colMeans(N)), "\n")
