"""Agreement between two partitions of the same notes, as scikit-learn defines it (the test
suite does not need scikit-learn and scipy for two formulas)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


def v_measure(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Rosenberg and Hirschberg's V-measure: the harmonic mean of homogeneity (each predicted
    group holds one true theme) and completeness (each theme lands in one group)."""
    count = len(truth)
    if count != len(predicted):
        raise ValueError("Both labelings must cover the same items.")
    if count == 0:
        return 1.0
    joint = Counter(zip(truth, predicted, strict=True))
    classes, groups = Counter(truth), Counter(predicted)

    def entropy(counts: Counter[object]) -> float:
        return -sum(n / count * math.log(n / count) for n in counts.values())

    class_entropy, group_entropy = entropy(classes), entropy(groups)
    class_given_group = -sum(n / count * math.log(n / groups[g]) for (_c, g), n in joint.items())
    group_given_class = -sum(n / count * math.log(n / classes[c]) for (c, _g), n in joint.items())
    homogeneity = 1.0 if class_entropy == 0 else 1.0 - class_given_group / class_entropy
    completeness = 1.0 if group_entropy == 0 else 1.0 - group_given_class / group_entropy
    if homogeneity + completeness == 0:
        return 0.0
    return 2 * homogeneity * completeness / (homogeneity + completeness)
