# References for design.simon (SimonSearchTest): clinfun::ph2simon optimal and minimax designs over a grid.
# Run: Rscript simon-designs.R > simon-designs.out
.libPaths("/work/rlib-design")
library(clinfun)
cat("R ", R.version$major, ".", R.version$minor, ", clinfun ", as.character(packageVersion("clinfun")), "\n", sep = "")
cat("p0 p1 alpha beta | optimal r1 n1 r n | minimax r1 n1 r n   (ph2simon(p0, p1, alpha, beta, nmax = 100);",
    "optimal = the row of $out with the smallest EN(p0), minimax = its first row)\n")
for (p0 in c(0.05, 0.1, 0.2, 0.3, 0.4, 0.6)) for (d in c(0.15, 0.2)) for (alpha in c(0.05, 0.1)) for (beta in c(0.1, 0.2)) {
  x <- ph2simon(p0, p0 + d, alpha, beta, nmax = 100)$out
  o <- x[which.min(x[, 5]), 1:4]; m <- x[1, 1:4]
  cat(p0, p0 + d, alpha, beta, "|", o, "|", m, "\n")
}
