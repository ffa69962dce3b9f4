# scripts/plot-bars.gp: grouped bar chart, one group per op, one bar per stub.
#
#   gnuplot -c plot-bars.gp OUTPREFIX BARS OPS STUBS YLABEL YSCALE YBOTTOM TITLE
#
# BARS is `hvcbench plot-data`'s bars.tsv, one cell a line:
#   opidx stubidx op stub n median p1 p99
# with 1-based indices into OPS and STUBS (space-separated names in drawing
# order). YSCALE is linear or log (medians too far apart for a linear
# axis to show the small ones), YBOTTOM the log axis' bottom. Nothing here
# decides order, labels, scale or values. Writes OUTPREFIX.png and
# OUTPREFIX.svg.

out = ARG1; cells = ARG2; ops = ARG3; stubs = ARG4
no = words(ops); ns = words(stubs)
set datafile separator "\t"

# Bar of stub s in group o (1-based): groups at 0,1,2..; stub slots fixed so a
# stub sits at the same place in every group, missing cells leave a gap.
bw = 0.8 / ns
x(o, s) = o - 1 + (s - (ns + 1) / 2.0) * bw

# Okabe-Ito's colours, then Paul Tol's muted ones: distinguishable with
# colour blindness; 16 tell apart the 7 built-in stubs and 8 trees
# (plot-data refuses more).
array col[16] = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", \
		 "#332288", "#88CCEE", "#117733", "#DDCC77", "#CC6677", "#882255", "#44AA99", "#999933"]
do for [i = 1:16] { set linetype i lc rgb col[i] lw 1 }

set title ARG8
set ylabel ARG5
set xrange [-0.5 : no - 0.5]
if (ARG6 eq "log") {
	set logscale y 10
	set yrange [real(ARG7) : *]     # boxes stand on the frame
} else {
	set yrange [* < 0 : *]          # always show 0: bar heights must compare
}
set offsets 0, 0, graph 0.05, 0
set xtics () scale 0
do for [o = 1:no] { set xtics add (word(ops, o) o - 1) }
set grid ytics
set format y "%.12g"    # never exponent notation
set key outside right top vertical Left reverse noautotitle
set boxwidth bw * 0.9 absolute
set style fill solid 0.85 border lc rgb "#404040"

# Bars per stub (the ternary keeps only that stub's rows), then black
# whiskers, as vectors with flat heads, for all cells with a spread (yerrorbars
# would punch a hole in the whisker at the median; p1 == p99 would be a dot).
bars = 'plot for [s = 1:ns] cells using ($2 == s ? x($1, $2) : NaN):6 with boxes lt s title word(stubs, s), \
	cells using ($8 > $7 ? x($1, $2) : NaN):7:(0):($8 - $7) with vectors heads size screen 0.006,90 lc rgb "black" lw 1.5 notitle'

if (strstrt(GPVAL_TERMINALS, "pngcairo")) {
	set terminal pngcairo size 900,540 font "DejaVu Sans,11" noenhanced
} else {
	set terminal png size 900,540 noenhanced
}
set output out.".png"
@bars

set terminal svg size 900,540 font "DejaVu Sans,11" noenhanced background "white"
set output out.".svg"
@bars
set output
