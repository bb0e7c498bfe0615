"""Independent reference values for Bespoke's experiment statistics.

Written from the textbook formulas with Python's standard library and mpmath (30 digits);
scipy is used only as a second opinion where it has the same function.
"""
import json, math, sys, random
from statistics import NormalDist
import mpmath as mp
import scipy.stats as st
import scipy.optimize as so

mp.mp.dps = 30
N01 = NormalDist()

def zq(p):
    return N01.inv_cdf(p)

def wilson(c, n, conf=0.95):
    if n == 0:
        return 0.0, 1.0
    z = zq(1 - (1 - conf) / 2)
    p = c / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)

def ztest(cA, nA, cB, nB):
    if nA == 0 or nB == 0:
        return 0.0, 1.0
    pool = (cA + cB) / (nA + nB)
    se = math.sqrt(pool * (1 - pool) * (1 / nA + 1 / nB))
    if se == 0:
        return 0.0, 1.0
    z = (cB / nB - cA / nA) / se
    p = math.erfc(abs(z) / math.sqrt(2))
    # second opinion
    assert abs(p - 2 * st.norm.sf(abs(z))) <= 1e-12 + 1e-9 * p
    return z, p

def diff_ci(cA, nA, cB, nB, alpha):
    if nA == 0 or nB == 0:
        return -1.0, 1.0
    pA, pB = cA / nA, cB / nB
    se = math.sqrt(pA * (1 - pA) / nA + pB * (1 - pB) / nB)
    z = zq(1 - alpha / 2)
    d = pB - pA
    return max(-1.0, d - z * se), min(1.0, d + z * se)

def q_gamma(a, x):
    """Regularised upper incomplete gamma Q(a, x), by mpmath."""
    return float(mp.gammainc(mp.mpf(a), mp.mpf(x), mp.inf, regularized=True))

def srm(counts, weights):
    total = sum(counts)
    wsum = sum(weights)
    used = [(c, w) for c, w in zip(counts, weights) if w > 0]
    df = len(used) - 1
    for c, w in zip(counts, weights):
        if w == 0 and c > 0:
            return math.inf, df, 0.0
    if total == 0:
        return 0.0, df, 1.0
    chi = 0.0
    for c, w in used:
        e = total * w / wsum
        chi += (c - e) ** 2 / e
    if df == 0:
        return chi, 0, 1.0
    p = q_gamma(df / 2, chi / 2)
    assert abs(p - st.chi2.sf(chi, df)) <= 1e-12 + 1e-8 * p, (p, st.chi2.sf(chi, df))
    return chi, df, p

def chance_to_beat(cA, nA, cB, nB):
    """P(pB > pA) for Beta(1+c, 1+n-c) posteriors, by adaptive numerical integration of
    f_B(x) * I_x(aA, bA) over [0, 1] (a different route from the closed-form sum Bespoke uses),
    checked against a 40-digit evaluation of the closed-form sum when that is cheap."""
    from scipy.special import betainc, betaln
    from scipy.integrate import quad
    aA, bA, aB, bB = 1 + cA, 1 + nA - cA, 1 + cB, 1 + nB - cB
    def mean_sd(a, b):
        return a / (a + b), math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    lB = betaln(aB, bB)
    def f(x):
        if x <= 0 or x >= 1:
            return 0.0
        return math.exp((aB - 1) * math.log(x) + (bB - 1) * math.log1p(-x) - lB) * betainc(aA, bA, x)
    pts = {0.0, 1.0}
    for m, s in (mean_sd(aB, bB), mean_sd(aA, bA)):
        for k in (-14, -10, -7, -5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 5, 7, 10, 14):
            x = m + k * s
            if 0 < x < 1:
                pts.add(x)
    pts = sorted(pts)
    total = 0.0
    for lo, hi in zip(pts, pts[1:]):
        v, err = quad(f, lo, hi, epsabs=1e-15, epsrel=1e-13, limit=400)
        total += v
    if min(aA, bA, aB, bB) <= 3000 and aB <= 20000:
        with mp.workdps(40):
            s = mp.mpf(0)
            lbA = mp.log(mp.beta(aA, bA))
            for i in range(aB):
                s += mp.exp(mp.log(mp.beta(aA + i, bA + bB)) - mp.log(bB + i)
                            - mp.log(mp.beta(1 + i, bB)) - lbA)
            assert abs(float(s) - total) < 1e-9, (cA, nA, cB, nB, float(s), total)
    return total

def msprt(cA, nA, cB, nB, alpha, tau2):
    if nA == 0 or nB == 0:
        return 1.0, -1.0, 1.0
    pA, pB = cA / nA, cB / nB
    V = pA * (1 - pA) / nA + pB * (1 - pB) / nB
    if V == 0:
        return 1.0, -1.0, 1.0
    d = pB - pA
    log_lambda = 0.5 * math.log(V / (V + tau2)) + d * d * tau2 / (2 * V * (V + tau2))
    p = min(1.0, math.exp(-log_lambda))
    half = math.sqrt(V * (V + tau2) / tau2 * (2 * math.log(1 / alpha) + math.log((V + tau2) / V)))
    return p, max(-1.0, d - half), min(1.0, d + half)

def sample_size_raw(p1, delta, alpha, power):
    p2 = p1 + delta
    pbar = (p1 + p2) / 2
    za = zq(1 - alpha / 2)
    zb = zq(power)
    num = za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return (num / delta) ** 2

def sample_size(p1, delta, alpha, power):
    raw = sample_size_raw(p1, delta, alpha, power)
    assert abs(raw - round(raw)) > 1e-6, ("too close to an integer", raw)
    return math.ceil(raw)

def mde(p1, n, alpha, power):
    return so.brentq(lambda d: sample_size_raw(p1, d, alpha, power) - n, 1e-12, 1 - p1 - 1e-12,
                     xtol=1e-15, rtol=1e-15, maxiter=500)

# ---------------------------------------------------------------- cases
cases = []

def comparison(name, cA, nA, cB, nB, alpha=0.05, weights=(1, 1), tau2=0.0004):
    wA = wilson(cA, nA)
    wB = wilson(cB, nB)
    rA = cA / nA if nA else 0.0
    rB = cB / nB if nB else 0.0
    z, p = ztest(cA, nA, cB, nB)
    lo, hi = diff_ci(cA, nA, cB, nB, alpha)
    chi, df, sp = srm([nA, nB], list(weights))
    ctb = chance_to_beat(cA, nA, cB, nB)
    sp_, slo, shi = msprt(cA, nA, cB, nB, alpha, tau2)
    cases.append({
        "name": name, "kind": "comparison",
        "control": {"visitors": nA, "conversions": cA},
        "variant": {"visitors": nB, "conversions": cB},
        "alpha": alpha, "weights": list(weights), "mixtureVariance": tau2,
        "expected": {
            "controlRate": rA, "controlWilsonLower": wA[0], "controlWilsonUpper": wA[1],
            "variantRate": rB, "variantWilsonLower": wB[0], "variantWilsonUpper": wB[1],
            "absoluteLift": rB - rA,
            "relativeLift": (rB - rA) / rA if rA > 0 else None,
            "z": z, "pValue": p,
            "differenceLower": lo, "differenceUpper": hi,
            "srmChiSquare": chi, "srmPValue": sp,
            "chanceToBeatControl": ctb,
            "alwaysValidPValue": sp_, "confidenceSequenceLower": slo, "confidenceSequenceUpper": shi,
        },
        "tolerance": {"absolute": 1e-9, "relative": 1e-6},
    })

# Hand-picked cases: the edges an analyst would try first.
comparison("both empty", 0, 0, 0, 0)
comparison("control empty", 0, 0, 3, 10)
comparison("one visitor each, no conversions", 0, 1, 0, 1)
comparison("one visitor each, one converts", 0, 1, 1, 1)
comparison("one visitor each, both convert", 1, 1, 1, 1)
comparison("tiny: 1/3 vs 2/3", 1, 3, 2, 3)
comparison("zero conversions in both arms", 0, 500, 0, 500)
comparison("zero conversions in control only", 0, 500, 12, 500)
comparison("zero conversions in variant only", 12, 500, 0, 500)
comparison("all convert in both arms", 200, 200, 200, 200)
comparison("all convert in control only", 200, 200, 150, 200)
comparison("all convert in variant only", 150, 200, 200, 200)
comparison("A/A identical counts", 100, 1000, 100, 1000)
comparison("textbook: 10% vs 12% on 10,000 each", 1000, 10000, 1200, 10000)
comparison("20% lift on 10,000 each at 5%", 500, 10000, 600, 10000)
comparison("small loss", 520, 10000, 480, 10000)
comparison("large: 100,000 each at 3%", 3000, 100000, 3150, 100000)
comparison("large: a million each at 2%", 20000, 1000000, 20400, 1000000)
comparison("unequal split matching 80/20", 400, 8000, 120, 2000, weights=(80, 20))
comparison("unequal split not matching 50/50", 400, 8000, 120, 2000)
comparison("slight SRM 50/50 (5,100 vs 4,900)", 510, 5100, 490, 4900)
comparison("strong SRM 50/50 (5,300 vs 4,700)", 530, 5300, 470, 4700)
comparison("alpha 0.01", 1000, 10000, 1100, 10000, alpha=0.01)
comparison("alpha 0.10", 1000, 10000, 1100, 10000, alpha=0.10)
comparison("mixture variance 1e-5", 1000, 10000, 1100, 10000, tau2=1e-5)
comparison("mixture variance 0.01", 1000, 10000, 1100, 10000, tau2=0.01)
comparison("high base rate 60% vs 63%", 3000, 5000, 3150, 5000)
comparison("very low base rate 0.1%", 10, 10000, 25, 10000)
comparison("holdout 10/90 weights", 95, 1000, 1000, 9000, weights=(10, 90))

# Generated cases: tiny to large samples, rates from 0 to 1, unequal arms and weights.
rng = random.Random(20240605)
sizes = [1, 2, 3, 5, 8, 13, 20, 50, 100, 250, 1000, 4000, 20000, 150000]
rates = [0.0, 0.001, 0.01, 0.03, 0.1, 0.25, 0.5, 0.8, 0.97, 1.0]
gen = 0
while gen < 200:
    nA = rng.choice(sizes)
    nB = max(1, int(nA * rng.choice([0.5, 0.9, 1.0, 1.0, 1.1, 2.0])))
    rA = rng.choice(rates)
    rB = min(1.0, max(0.0, rA * rng.choice([0.8, 1.0, 1.1, 1.25, 1.5]) + rng.choice([0, 0, 0.01])))
    cA = min(nA, max(0, round(nA * rA + rng.gauss(0, 0.5))))
    cB = min(nB, max(0, round(nB * rB + rng.gauss(0, 0.5))))
    alpha = rng.choice([0.01, 0.05, 0.05, 0.10])
    weights = rng.choice([(1, 1), (50, 50), (10, 90), (80, 20), (1, 2)])
    tau2 = rng.choice([0.0004, 0.0004, 0.0001, 0.0025])
    comparison(f"generated {gen:03d}: {cA}/{nA} vs {cB}/{nB}, alpha {alpha}, weights {weights[0]}/{weights[1]}, tau2 {tau2}",
               cA, nA, cB, nB, alpha=alpha, weights=weights, tau2=tau2)
    gen += 1

def srm_case(name, counts, weights):
    chi, df, p = srm(counts, weights)
    cases.append({"name": name, "kind": "srm", "visitors": counts, "weights": weights,
                  "expected": {"chiSquare": chi if math.isfinite(chi) else "Infinity",
                               "degreesOfFreedom": df, "pValue": p},
                  "tolerance": {"absolute": 1e-9, "relative": 1e-6}})

srm_case("three arms, equal weights, balanced", [3340, 3330, 3330], [1, 1, 1])
srm_case("three arms, equal weights, one arm short", [3500, 3500, 3000], [1, 1, 1])
srm_case("four arms 40/20/20/20 matching", [4010, 1995, 2002, 1993], [40, 20, 20, 20])
srm_case("four arms 40/20/20/20 broken", [4400, 1800, 1900, 1900], [40, 20, 20, 20])
srm_case("textbook chi-square 3.84 at df 1 is p 0.05", [5098, 4902], [1, 1])
srm_case("zero-weight arm with visitors is a mismatch", [100, 100, 5], [1, 1, 0])
srm_case("zero-weight arm without visitors is ignored", [100, 110, 0], [1, 1, 0])
srm_case("no visitors", [0, 0], [1, 1])
srm_case("single arm", [1000], [1])
srm_case("tiny counts", [3, 1], [1, 1])

def size_case(name, p1, delta, alpha, power):
    cases.append({"name": name, "kind": "sampleSize", "baselineRate": p1, "absoluteEffect": delta,
                  "alpha": alpha, "power": power,
                  "expected": {"visitorsPerArm": sample_size(p1, delta, alpha, power)}})

size_case("10% baseline, +2 points, alpha 0.05, power 0.8", 0.10, 0.02, 0.05, 0.8)
size_case("10% baseline, +1 point, alpha 0.05, power 0.8", 0.10, 0.01, 0.05, 0.8)
size_case("3% baseline, +0.6 points, alpha 0.05, power 0.8", 0.03, 0.006, 0.05, 0.8)
size_case("3% baseline, +0.3 points, alpha 0.05, power 0.9", 0.03, 0.003, 0.05, 0.9)
size_case("50% baseline, -5 points, alpha 0.01, power 0.8", 0.50, -0.05, 0.01, 0.8)
size_case("1% baseline, +0.5 points, alpha 0.10, power 0.8", 0.01, 0.005, 0.10, 0.8)
size_case("20% baseline, +4 points, alpha 0.05, power 0.95", 0.20, 0.04, 0.05, 0.95)

def mde_case(name, p1, n, alpha, power):
    d = mde(p1, n, alpha, power)
    cases.append({"name": name, "kind": "minimumDetectableEffect", "baselineRate": p1,
                  "visitorsPerArm": n, "alpha": alpha, "power": power,
                  "expected": {"absoluteEffect": d},
                  "tolerance": {"absolute": 1e-9, "relative": 1e-6}})

mde_case("10% baseline, 3,841 per arm (about +2 points)", 0.10, 3841, 0.05, 0.8)
mde_case("3% baseline, 10,000 per arm", 0.03, 10000, 0.05, 0.8)
mde_case("3% baseline, 100,000 per arm", 0.03, 100000, 0.05, 0.8)
mde_case("50% baseline, 1,000 per arm, alpha 0.01", 0.50, 1000, 0.01, 0.8)
mde_case("1% baseline, 50,000 per arm, power 0.9", 0.01, 50000, 0.05, 0.9)

names = [c["name"] for c in cases]
assert len(names) == len(set(names))

with open(sys.argv[1] + "/statistics.json", "w", encoding="utf-8") as f:
    json.dump(cases, f, indent=1, allow_nan=False)
    f.write("\n")
print(len(cases), "cases;", sum(c["kind"] == "comparison" for c in cases), "comparisons")
