## =====================================================================
## obd_examples.R -- deterministic test vectors for the final OBD selection
## run: nice Rscript docs/validation/r/boin12/obd_examples.R
## =====================================================================
source("docs/validation/r/boin12/boin12_lib.R")
phiT <- 0.35; u <- default_utility
show <- function(lbl, n, yT, yE, elim = rep(0, length(n))) {
  J <- length(n)
  pT0 <- (yT + 0.05) / (n + 0.1)
  pT <- pava_w(pT0, n + 0.1) + 0.001 * seq_len(J)
  pEx <- peestimate(yE, n, "exact"); pEb <- peestimate(yE, n, "iso_bug")
  U <- 60 * pEx + 40 * (1 - pT); U[elim == 1 | n == 0] <- -100
  mtd <- which.min(abs(pT - phiT))
  x <- pseudo_x_additive(n, yT, yE, u)
  cat("\n--", lbl, "--\n")
  cat("n    :", n, "\nyT   :", yT, "\nyE   :", yE, "\nelim :", elim, "\n")
  cat("pT~  :", sprintf("%.10f", pT), "\n")
  cat("pE~  :", sprintf("%.10f", pEx), "  (exact unimodal)\n")
  cat("pE~b :", sprintf("%.10f", pEb), "  (Iso weight-bug port)\n")
  cat("U    :", sprintf("%.10f", U), "\n")
  cat("MTD  :", mtd, "  OBD(AC exact):", select_obd_AC(n, yT, yE, elim, phiT, u, "exact"),
      "  OBD(AC iso_bug):", select_obd_AC(n, yT, yE, elim, phiT, u, "iso_bug"),
      "  OBD(variant B):", select_obd_B(n, yT, yE, elim, phiT, u), "\n")
  cat("postmean u (x+1)/(n+2):", sprintf("%.10f", (x + 1) / (n + 2)), "\n")
}
show("paper worked example end state", c(3,3,6,12,6), c(0,1,1,3,3), c(0,1,2,6,3))
show("untried top doses", c(6,12,12,0,0), c(0,1,3,0,0), c(1,5,6,0,0))
show("umbrella efficacy", c(3,6,9,9,3), c(0,0,1,3,2), c(0,2,6,3,1))
show("futility-eliminated dose 1", c(9,9,9,3,0), c(0,1,2,1,0), c(0,4,5,2,0), c(1,0,0,0,0))
show("toxicity-eliminated doses 4-5", c(3,6,9,9,3), c(0,1,2,5,3), c(1,3,5,5,2), c(0,0,0,1,1))
show("quirk: only eliminated dose 1 at/below MTD -> returns 1", c(9,9,6,6,0), c(2,6,4,3,0), c(0,3,3,3,0), c(1,0,0,0,0))
