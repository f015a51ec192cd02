# BOIN::next.comb, BOIN::select.mtd.comb and Iso::biviso on random data, for CombinationRulesTest.
# Run: Rscript comb-random-decisions.R > comb-random-decisions.txt
# Lines (fields separated by |; matrices row-major, rows = drug A levels, columns = drug B levels):
#   next | target | J,K | npts | ntox | dose.curr | n.earlystop | cutoff.eli | extrasafe | next_dc (NA,NA: stop)
#   select | target | J,K | npts | ntox | cutoff.eli | extrasafe | boundMTD | MTD (99,99: none) | p_est (NA: untried
#            or no MTD)
#   biviso | J,K | y | w | Iso::biviso(y, w) to 15 digits
.libPaths("/work/Rlib")
suppressMessages({library(BOIN); library(Iso)})
cat("# R ", R.version$major, ".", R.version$minor, ", BOIN ", as.character(packageVersion("BOIN")), ", Iso ",
    as.character(packageVersion("Iso")), "\n", sep = "")
rm <- function(m) paste(as.vector(t(m)), collapse = ",")
g <- function(x) sprintf("%.15g", x)
gm <- function(m) paste(g(as.vector(t(m))), collapse = ",")
set.seed(2026)
data <- function(J, K) {
  p <- outer(1:J, 1:K, function(a, b) plogis(-3 + 0.6 * a + 0.5 * b + rnorm(1, 0, 0.3)))
  n <- matrix(0, J, K)
  tried <- matrix(runif(J * K) < 0.55, J, K)
  n[tried] <- 3 * sample(1:5, sum(tried), replace = TRUE)
  n[1, 1] <- 3 * sample(1:5, 1)
  y <- matrix(rbinom(J * K, n, p), J, K)
  list(n = n, y = y)
}
for (i in 1:400) {
  J <- sample(2:4, 1); K <- sample(J:5, 1)
  target <- sample(c(0.2, 0.25, 0.3, 0.33), 1)
  d <- data(J, K)
  cur <- which(d$n > 0, arr.ind = TRUE); cur <- cur[sample(nrow(cur), 1), ]
  early <- sample(c(100, 12, 9), 1); cutoff <- sample(c(0.9, 0.95), 1); extrasafe <- i %% 5 == 0
  invisible(capture.output(nx <- suppressWarnings(next.comb(target, d$n, d$y, cur, n.earlystop = early,
                                                             cutoff.eli = cutoff, extrasafe = extrasafe))))
  cat("next |", target, "|", paste(J, K, sep = ","), "|", rm(d$n), "|", rm(d$y), "|", paste(cur, collapse = ","), "|",
      early, "|", cutoff, "|", extrasafe, "|", paste(nx$next_dc, collapse = ","), "\n")
}
for (i in 1:400) {
  J <- sample(2:4, 1); K <- sample(J:5, 1)
  target <- sample(c(0.2, 0.25, 0.3, 0.33), 1)
  d <- data(J, K)
  cutoff <- sample(c(0.9, 0.95), 1); extrasafe <- i %% 5 == 0; bound <- i %% 3 == 0
  # select.mtd.comb stops with "object 'phat.out.noCI' not found" when the lowest combination is eliminated
  # (no MTD): recorded as MTD 99,99
  s <- tryCatch({invisible(capture.output(r <- suppressWarnings(select.mtd.comb(target, d$n, d$y,
                   cutoff.eli = cutoff, extrasafe = extrasafe, boundMTD = bound)))); r},
                error = function(e) list(MTD = c(99, 99), p_est = NULL))
  est <- if (is.null(s$p_est)) matrix(NA, J, K) else s$p_est
  est[d$n == 0] <- NA
  cat("select |", target, "|", paste(J, K, sep = ","), "|", rm(d$n), "|", rm(d$y), "|", cutoff, "|", extrasafe, "|",
      bound, "|", paste(s$MTD, collapse = ","), "|", rm(ifelse(is.na(est), "NA", g(est))), "\n")
}
for (i in 1:200) {
  J <- sample(2:5, 1); K <- sample(2:6, 1)
  y <- matrix(runif(J * K), J, K); w <- matrix(round(runif(J * K, 0.1, 20), 1), J, K)
  if (i %% 4 == 0) w[] <- 1
  cat("biviso |", paste(J, K, sep = ","), "|", gm(y), "|", gm(w), "|", gm(biviso(y, w, warn = TRUE)), "\n")
}
