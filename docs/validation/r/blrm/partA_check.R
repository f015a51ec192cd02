# Stability check of the Part A quadrature: rerun with wider ranges / tighter tolerances /
# more breakpoints, and compare with Richardson-extrapolated grid (801 & 1601 nodes, O(h^4)).
PARTA_NO_MAIN <- TRUE
source("docs/validation/r/blrm/partA.R")
ref <- readRDS("docs/validation/r/blrm/partA_case1_case2_case3_case4.rds")
WIN <- 16; REL_OUT <- 1e-12; REL_IN <- 1e-13
for (nm in names(cases)) {
  cs <- cases[[nm]]
  Q <- quad_case(cs); Q0 <- ref[[nm]]$Q
  dq <- max(abs(c(Q$under - Q0$under, Q$target - Q0$target, Q$over - Q0$over)))
  G1 <- grid_post(make_grid(cs, 801, 801), cs$n, cs$y)
  G2 <- grid_post(make_grid(cs, 1601, 1601), cs$n, cs$y)
  rich <- function(k) (16 * G2[[k]] - G1[[k]]) / 15
  dr <- max(abs(c(rich("under") - Q0$under, rich("target") - Q0$target, rich("over") - Q0$over)))
  d2 <- max(abs(c(G2$under - Q0$under, G2$target - Q0$target, G2$over - Q0$over)))
  cat(sprintf("%s: |quad(WIN16,tol1e-12/13) - quad(ref)| probs %.2e, mean_a %.2e, mean_b %.2e; grid1601 %.2e; Richardson(801,1601) %.2e\n",
              nm, dq, Q$mean_a - Q0$mean_a, Q$mean_b - Q0$mean_b, d2, dr))
  rm(G1, G2); invisible(gc())
}
