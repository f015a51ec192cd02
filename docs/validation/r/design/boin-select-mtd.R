# References for design.boin-mtd (BoinMtdMethodTest): BOIN::select.mtd on observed data.
# Run: Rscript boin-select-mtd.R > boin-select-mtd.out
.libPaths("/work/rlib-design")
library(BOIN)
cat("R ", R.version$major, ".", R.version$minor, ", BOIN ", as.character(packageVersion("BOIN")), "\n", sep = "")
# select.mtd prints its estimates rounded to 2 decimals; the unrounded values are recomputed below with the
# same expressions as R/select.mtd.R (its internal pava is not exported: Iso::pava gives the same weighted fit)
library(Iso)
show <- function(call) {
  cat("==", call, "\n")
  s <- eval(parse(text = call))
  cat("MTD:", s$MTD, "\n")
  print(s$p_est, row.names = FALSE)
  cat("p_overdose:", s$p_overdose, "\n")
  a <- as.list(parse(text = call)[[1]])
  n <- eval(a$npts); y <- eval(a$ntox); target <- eval(a$target); tr <- n != 0
  w <- 1 / ((y[tr] + 0.05) * (n[tr] - y[tr] + 0.05) / ((n[tr] + 0.1)^2 * (n[tr] + 0.1 + 1)))
  cat("phat (unrounded):", sprintf("%.15g", pava((y[tr] + 0.05) / (n[tr] + 0.1), w)), "\n")
  cat("lower (unrounded):", sprintf("%.15g", pava(qbeta(0.025, y[tr] + 0.05, n[tr] - y[tr] + 0.05), w)), "\n")
  cat("upper (unrounded):", sprintf("%.15g", pava(qbeta(0.975, y[tr] + 0.05, n[tr] - y[tr] + 0.05), w)), "\n")
  cat("p_overdose (unrounded):", sprintf("%.15g", pava(1 - pbeta(target, y[tr] + 0.05, n[tr] - y[tr] + 0.05))), "\n")
}
show("select.mtd(target = 0.3, npts = c(3, 3, 15, 9, 0), ntox = c(0, 0, 4, 4, 0))")  # the help-page example
show("select.mtd(target = 0.25, npts = c(3, 6, 12, 6, 3), ntox = c(0, 1, 2, 4, 3))")  # dose 4 eliminated
show("select.mtd(target = 0.25, npts = c(3, 6, 12, 6, 3), ntox = c(0, 1, 2, 4, 3), cutoff.eli = 0.99)")
show("select.mtd(target = 0.2, npts = c(6, 9, 3, 0, 0), ntox = c(0, 3, 1, 0, 0))")  # PAVA pools doses 2 and 3
show("select.mtd(target = 0.3, npts = c(3, 0, 0), ntox = c(2, 0, 0), extrasafe = TRUE)")  # extra-safe stop
show("select.mtd(target = 0.3, npts = c(3, 0, 0), ntox = c(2, 0, 0))")
show("select.mtd(target = 0.3, npts = c(6, 3, 0), ntox = c(5, 3, 0))")  # dose 1 eliminated: no MTD (99)
show("select.mtd(target = 0.3, npts = c(6, 9, 0), ntox = c(0, 5, 0))")  # dose 2 eliminated: MTD 1
show("select.mtd(target = 0.3, npts = c(6, 9, 0), ntox = c(0, 5, 0), cutoff.eli = 0.96)")  # not eliminated: MTD 2
show("select.mtd(target = 0.3, npts = c(0, 3, 6), ntox = c(0, 0, 1))")  # untried dose 1 (CI column misaligned)
show("select.mtd(target = 0.3, npts = c(3, 6, 9, 3), ntox = c(0, 1, 3, 2), boundMTD = TRUE)")
show("select.mtd(target = 0.3, npts = c(3, 6, 9, 3), ntox = c(0, 1, 3, 2))")
show("select.mtd(target = 0.3, npts = c(3, 6, 9, 6), ntox = c(0, 3, 3, 3), boundMTD = TRUE, p.tox = 0.4)")
