# 3b. TITE-BOIN decision checks (target 0.3, cohort size 3) and verification of the
#     decision-table formula against the published tables of Yuan et al. (2018).
# Run: nice Rscript docs/validation/r/tite/b_titeboin_decisions.R
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "titeboin_core.R"))

target <- 0.3
lam <- boin_lambdas(target)
cat(sprintf("target 0.3: lambda_e = %.10f  lambda_d = %.10f\n\n", lam[1], lam[2]))

## ---- Part 1: single-dose situations -----------------------------------------------------
## Each case: current dose d of K = 5, with data only at the listed doses.
## fu = follow-up fractions u_i/T of the pending patients at the current dose.
case <- function(label, n, y, fu, d = 2, K = 5, elim = rep(FALSE, K), nvec = NULL, yvec = NULL) {
  N <- if (is.null(nvec)) rep(0, K) else nvec
  Y <- if (is.null(yvec)) rep(0, K) else yvec
  C <- rep(0, K); S <- rep(0, K)
  N[d] <- n; Y[d] <- y; C[d] <- length(fu); S[d] <- sum(fu)
  res <- titeboin_decide(N, Y, C, S, d, elim, target)
  ph <- titeboin_phat(n, y, length(fu), sum(fu), target)
  cell <- titeboin_cell(n, y, length(fu), target)
  bnd <- if (!is.na(cell$esc)) sprintf("esc if STFT>=%.4f", cell$esc) else
         if (!is.na(cell$deesc)) sprintf("de-esc if STFT<=%.4f", cell$deesc) else ""
  cat(sprintf("%-4s d=%d n=%2d y=%d c=%d STFT=%.2f  phat=%.6f  cell=%-3s %-24s -> %s (next dose %s)\n",
              label, d, n, y, length(fu), sum(fu), ph, cell$dec, bnd, res$action,
              ifelse(is.na(res$dose), "-", res$dose)))
  invisible(res)
}
case("B1", 3, 0, numeric(0))                 # BOIN: 0/3 <= lambda_e -> escalate
case("B2", 3, 0, c(0.50))                    # 1 pending of 3 (33%): phat small -> escalate
case("B3", 3, 0, c(0.50, 0.20))              # 2 of 3 pending (67% > 50%) -> suspend
case("B4", 3, 1, c(0.50))                    # 1/3 >= target: de-esc iff STFT <= 0.8784 -> de-escalate
case("B5", 3, 1, c(0.95))                    # same cell, STFT 0.95 -> stay
case("B6", 6, 1, c(0.50, 0.30))              # esc iff STFT >= 0.5974: 0.8 -> escalate
case("B7", 6, 1, c(0.30, 0.20))              # STFT 0.5 < 0.5974 -> stay
case("B8", 6, 1, c(0.90, 0.40, 0.30))        # esc iff STFT >= 1.9617: 1.6 -> stay
case("B9", 6, 2, c(0.50, 0.40))              # 2/6 >= target: de-esc iff STFT <= 1.7997: 0.9 -> de-escalate
case("B10", 6, 2, c(0.95, 0.90))             # STFT 1.85 > 1.7997 -> stay
case("B11", 6, 3, c(0.10, 0.10, 0.10))       # 3/6 >= lambda_d: de-escalate whatever pending (50% pending)
case("B12", 9, 2, c(0.90, 0.70, 0.40))       # esc iff STFT >= 2.7103: 2.0 -> stay
case("B13", 9, 2, c(0.95, 0.95, 0.90))       # STFT 2.8 -> escalate
case("B14", 9, 3, c(0.20))                   # 3/9 >= target: de-esc iff STFT <= 0.5790: 0.2 -> de-escalate
case("B15", 3, 3, numeric(0))                # Pr(p>0.3|Beta(4,1)) = 0.9919 > 0.95 -> eliminate d..K; d=2 -> dose 1
case("B16", 6, 4, c(0.50))                   # 4/6: Pr(p>0.3|Beta(5,3)) = 0.9712 -> eliminate -> dose 1
case("B17", 3, 3, numeric(0), d = 1)         # lowest dose eliminated -> stop, no MTD
case("B18", 3, 1, c(0.20), d = 1)            # de-escalation indicated at dose 1 with pending -> suspend
case("B19", 3, 1, numeric(0), d = 1)         # 1/3: stay (BOIN)
case("B20", 3, 2, numeric(0), d = 1)         # 2/3 >= lambda_d at dose 1, nothing pending -> stay
case("B21", 3, 0, numeric(0), d = 2, elim = c(FALSE, FALSE, TRUE, TRUE, TRUE))  # next dose eliminated -> stay
case("B22", 3, 0, numeric(0), d = 5)         # top dose -> stay
case("B23", 6, 0, c(0.05, 0.05, 0.05))       # 3 of 6 pending = 50% (not > 50%), phat = 0 -> escalate
case("B24", 6, 0, c(0.05, 0.05, 0.05, 0.05)) # 4 of 6 pending -> suspend
# elimination of a NON-current dose: current dose 2 (n=3,y=0), dose 3 has 3/3 -> doses 3..5 eliminated; escalation blocked -> stay at 2
case("B25", 3, 0, numeric(0), d = 2, nvec = c(3, 0, 3, 0, 0), yvec = c(0, 0, 3, 0, 0))

## ---- Part 2: verify the closed-form cells against Yuan et al. (2018) Table 1 (target 0.2)
##      and Table S1 (target 0.3), as transcribed in gosukehommaEX/simFastBOIN
##      tests/testthat/fixtures/yuan2018-tables.csv (2-decimal STFT cut-offs).
pub <- read.csv(text = "
target,n,ymin,ymax,cmin,cmax,dec,esc,deesc
0.2,3,0,0,0,1,E,NA,NA
0.2,3,0,0,2,NA,SUS,NA,NA
0.2,3,1,1,0,2,D,NA,NA
0.2,3,2,NA,0,1,DE,NA,NA
0.2,6,0,0,0,3,E,NA,NA
0.2,6,0,0,4,NA,SUS,NA,NA
0.2,6,1,1,0,3,S,NA,NA
0.2,6,1,1,4,NA,SUS,NA,NA
0.2,6,2,2,0,4,D,NA,NA
0.2,6,3,NA,0,3,DE,NA,NA
0.2,9,0,0,0,4,E,NA,NA
0.2,9,0,0,5,NA,SUS,NA,NA
0.2,9,1,1,0,2,E,NA,NA
0.2,9,1,1,3,3,ES,0.77,NA
0.2,9,1,1,4,4,ES,2.15,NA
0.2,9,1,1,5,NA,SUS,NA,NA
0.2,9,2,2,0,0,S,NA,NA
0.2,9,2,2,1,1,SD,NA,0.52
0.2,9,2,2,2,2,SD,NA,1.59
0.2,9,2,2,3,3,SD,NA,2.66
0.2,9,2,2,4,4,SD,NA,3.73
0.2,9,2,2,5,NA,SUS,NA,NA
0.2,9,3,3,0,6,D,NA,NA
0.2,9,4,NA,0,5,DE,NA,NA
0.2,12,0,0,0,6,E,NA,NA
0.2,12,0,0,7,NA,SUS,NA,NA
0.2,12,1,1,0,5,E,NA,NA
0.2,12,1,1,6,6,ES,1.24,NA
0.2,12,1,1,7,NA,SUS,NA,NA
0.2,12,2,2,0,6,S,NA,NA
0.2,12,2,2,7,NA,SUS,NA,NA
0.2,12,3,4,0,9,D,NA,NA
0.2,12,5,NA,0,7,DE,NA,NA
0.2,15,0,0,0,7,E,NA,NA
0.2,15,0,0,8,NA,SUS,NA,NA
0.2,15,1,1,0,7,E,NA,NA
0.2,15,1,1,8,NA,SUS,NA,NA
0.2,15,2,2,0,2,E,NA,NA
0.2,15,2,2,3,3,ES,1.14,NA
0.2,15,2,2,4,4,ES,2.31,NA
0.2,15,2,2,5,5,ES,3.48,NA
0.2,15,2,2,6,6,ES,4.65,NA
0.2,15,2,2,7,7,ES,5.82,NA
0.2,15,2,2,8,NA,SUS,NA,NA
0.2,15,3,3,0,2,S,NA,NA
0.2,15,3,3,3,3,SD,NA,1.16
0.2,15,3,3,4,4,SD,NA,2.34
0.2,15,3,3,5,5,SD,NA,3.53
0.2,15,3,3,6,6,SD,NA,4.72
0.2,15,3,3,7,7,SD,NA,5.90
0.2,15,3,3,8,NA,SUS,NA,NA
0.2,15,4,5,0,11,D,NA,NA
0.2,15,6,NA,0,9,DE,NA,NA
0.3,3,0,0,0,1,E,NA,NA
0.3,3,0,0,2,NA,SUS,NA,NA
0.3,3,1,1,0,0,S,NA,NA
0.3,3,1,1,1,1,SD,NA,0.88
0.3,3,1,1,2,NA,SUS,NA,NA
0.3,3,2,2,0,1,D,NA,NA
0.3,3,3,3,0,0,DE,NA,NA
0.3,6,0,0,0,3,E,NA,NA
0.3,6,0,0,4,NA,SUS,NA,NA
0.3,6,1,1,0,1,E,NA,NA
0.3,6,1,1,2,2,ES,0.60,NA
0.3,6,1,1,3,3,ES,1.96,NA
0.3,6,1,1,4,NA,SUS,NA,NA
0.3,6,2,2,0,0,S,NA,NA
0.3,6,2,2,1,1,SD,NA,0.73
0.3,6,2,2,2,2,SD,NA,1.80
0.3,6,2,2,3,3,SD,NA,2.87
0.3,6,2,2,4,NA,SUS,NA,NA
0.3,6,3,3,0,3,D,NA,NA
0.3,6,4,NA,0,2,DE,NA,NA
0.3,9,0,0,0,4,E,NA,NA
0.3,9,0,0,5,NA,SUS,NA,NA
0.3,9,1,1,0,4,E,NA,NA
0.3,9,1,1,5,NA,SUS,NA,NA
0.3,9,2,2,0,0,E,NA,NA
0.3,9,2,2,1,1,ES,0.59,NA
0.3,9,2,2,2,2,ES,1.65,NA
0.3,9,2,2,3,3,ES,2.71,NA
0.3,9,2,2,4,4,ES,3.77,NA
0.3,9,2,2,5,NA,SUS,NA,NA
0.3,9,3,3,0,0,S,NA,NA
0.3,9,3,3,1,1,SD,NA,0.58
0.3,9,3,3,2,2,SD,NA,1.65
0.3,9,3,3,3,3,SD,NA,2.72
0.3,9,3,3,4,4,SD,NA,3.79
0.3,9,3,3,5,NA,SUS,NA,NA
0.3,9,4,4,0,5,D,NA,NA
0.3,9,5,NA,0,4,DE,NA,NA
0.3,12,0,0,0,6,E,NA,NA
0.3,12,0,0,7,NA,SUS,NA,NA
0.3,12,1,1,0,6,E,NA,NA
0.3,12,1,1,7,NA,SUS,NA,NA
0.3,12,2,2,0,3,E,NA,NA
0.3,12,2,2,4,4,ES,1.33,NA
0.3,12,2,2,5,5,ES,2.72,NA
0.3,12,2,2,6,6,ES,4.11,NA
0.3,12,2,2,7,NA,SUS,NA,NA
0.3,12,3,3,0,6,S,NA,NA
0.3,12,3,3,7,NA,SUS,NA,NA
0.3,12,4,4,0,0,S,NA,NA
0.3,12,4,4,1,1,SD,NA,0.43
0.3,12,4,4,2,2,SD,NA,1.50
0.3,12,4,4,3,3,SD,NA,2.57
0.3,12,4,4,4,4,SD,NA,3.65
0.3,12,4,4,5,5,SD,NA,4.72
0.3,12,4,4,6,6,SD,NA,5.79
0.3,12,4,4,7,NA,SUS,NA,NA
0.3,12,5,6,0,7,D,NA,NA
0.3,12,7,NA,0,5,DE,NA,NA
0.3,15,0,0,0,7,E,NA,NA
0.3,15,0,0,8,NA,SUS,NA,NA
0.3,15,1,1,0,7,E,NA,NA
0.3,15,1,1,8,NA,SUS,NA,NA
0.3,15,2,2,0,5,E,NA,NA
0.3,15,2,2,6,6,ES,0.35,NA
0.3,15,2,2,7,7,ES,2.07,NA
0.3,15,2,2,8,NA,SUS,NA,NA
0.3,15,3,3,0,1,E,NA,NA
0.3,15,3,3,2,2,ES,0.11,NA
0.3,15,3,3,3,3,ES,1.29,NA
0.3,15,3,3,4,4,ES,2.46,NA
0.3,15,3,3,5,5,ES,3.64,NA
0.3,15,3,3,6,6,ES,4.81,NA
0.3,15,3,3,7,7,ES,5.98,NA
0.3,15,3,3,8,NA,SUS,NA,NA
0.3,15,4,4,0,7,S,NA,NA
0.3,15,4,4,8,NA,SUS,NA,NA
0.3,15,5,5,0,0,S,NA,NA
0.3,15,5,5,1,1,SD,NA,0.28
0.3,15,5,5,2,2,SD,NA,1.35
0.3,15,5,5,3,3,SD,NA,2.42
0.3,15,5,5,4,4,SD,NA,3.50
0.3,15,5,5,5,5,SD,NA,4.57
0.3,15,5,5,6,6,SD,NA,5.64
0.3,15,5,5,7,7,SD,NA,6.72
0.3,15,5,5,8,NA,SUS,NA,NA
0.3,15,6,7,0,9,D,NA,NA
0.3,15,8,NA,0,7,DE,NA,NA
")
nbad <- 0; ncell <- 0
for (i in seq_len(nrow(pub))) {
  r <- pub[i, ]
  ys <- r$ymin:(if (is.na(r$ymax)) r$n else r$ymax)
  for (yy in ys) {
    cs <- r$cmin:(if (is.na(r$cmax)) r$n - yy else r$cmax)
    for (cc in cs) {
      if (yy + cc > r$n) next
      cl <- titeboin_cell(r$n, yy, cc, r$target)
      ok <- cl$dec == r$dec &&
        (is.na(r$esc) || abs(round(cl$esc, 2) - r$esc) < 1e-9) &&
        (is.na(r$deesc) || abs(round(cl$deesc, 2) - r$deesc) < 1e-9)
      ncell <- ncell + 1
      if (!ok) {
        nbad <- nbad + 1
        cat("MISMATCH target", r$target, "n", r$n, "y", yy, "c", cc, "pub", r$dec, r$esc, r$deesc,
            "mine", cl$dec, cl$esc, cl$deesc, "\n")
      }
    }
  }
}
cat(sprintf("\nPublished-table verification: %d (n,y,c) cells checked, %d mismatches\n", ncell, nbad))
