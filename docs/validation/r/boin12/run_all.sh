#!/bin/sh
# runs the four OC simulations one after another (each ~1-1.5 min CPU)
cd docs/validation/r/boin12
nice Rscript oc_sim.R S1 random  20000 20240601 >  oc_results.txt
nice Rscript oc_sim.R S2 random  20000 20240602 >> oc_results.txt
nice Rscript oc_sim.R S1 highest 10000 20240603 >> oc_results.txt
nice Rscript oc_sim.R S2 highest 10000 20240604 >> oc_results.txt
