# Pinned single values for DisproportionalityTest (R 4.2.2, base R only). Rscript disproportionality-pins.R
# A 2 x 2 table is matrix(c(a, c, b, d), 2): a = n, b = n_drug - n, c = n_event - n, d = N - a - b - c.
options(digits = 17)
p <- function(a, b, c, d) fisher.test(matrix(c(a, c, b, d), 2))$p.value
y <- function(a, b, c, d) unname(suppressWarnings(chisq.test(matrix(c(a, c, b, d), 2), correct = TRUE)$statistic))
cat("fisher(3,10,40,5000)", p(3, 10, 40, 5000), "\n")
cat("fisher(120,1880,2880,995120)", p(120, 1880, 2880, 995120), "\n")
cat("fisher(5,5,5,5)", p(5, 5, 5, 5), "\n")
cat("fisher(0,7,12,300)", p(0, 7, 12, 300), "\n")
cat("fisher(9,1,2,30)", p(9, 1, 2, 30), "\n")
cat("fisher(2,1500,30,60000)", p(2, 1500, 30, 60000), "\n")
cat("yates(3,10,40,5000)", y(3, 10, 40, 5000), "\n")
cat("yates(0,7,12,300)", y(0, 7, 12, 300), "\n")
cat("yates(9,1,2,30)", y(9, 1, 2, 30), "\n")
cat("ic lower n=0 E=2.3", log2(qgamma(0.025, 0.5, 2.8)), "\n")
cat("ic upper n=0 E=2.3", log2(qgamma(0.975, 0.5, 2.8)), "\n")
cat("ic lower n=7 E=0.4 level 0.9", log2(qgamma(0.05, 7.5, 0.9)), "\n")
