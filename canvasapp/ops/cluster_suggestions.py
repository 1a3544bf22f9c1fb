"""Suggested clusters: groups of similar notes with a proposed title, computed on this machine.

How: every note becomes a TF-IDF vector over its words (and word pairs) and over the
character n-grams of its words; notes are then joined bottom-up by average-link cosine
similarity (agglomerative clustering) until no two groups are similar enough. Groups of one
note are not proposed. A group's title is its most telling words: the terms with the highest
summed TF-IDF in the group, shown as the notes spell them.

Why these choices: character n-grams match "volunteer", "volunteers" and "Freiwillige(n)" in
any language without a stemmer per language; accents are folded and case ignored for matching
only ("Café" and "cafe" are one term, the title still reads "Café"). Everything is
deterministic: ties go to the note that came first, so the same notes give the same proposal.

numpy does the arithmetic (a similarity matrix and nearest-neighbour bookkeeping), so 1,000
notes take well under a second; the module imports no Qt and nothing else.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from canvasapp.ops.find import fold

#: Two groups join while their average cosine similarity is at least this. Chosen on
#: ``tests/data/workshop_notes_labelled.csv`` (see ``tests/ops/test_cluster_quality.py``).
DEFAULT_THRESHOLD = 0.06
#: Character n-gram lengths, taken inside words padded with a space at each end.
CHAR_NGRAMS = (3, 4, 5)
#: How much the character n-grams count against the words (the rest) in a note's vector.
CHAR_WEIGHT = 0.85
#: Terms in a proposed title.
TITLE_TERMS = 3

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Words that say nothing about a theme, in the languages the built-in templates use. Folded
# (no accents, lower case) as the notes are before they are compared.
STOP_WORDS = frozenset(
    ["a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could", "do", "does", "for", "from", "get", "gets", "getting", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "just", "let", "lets", "like", "make", "more", "most", "much", "my", "need", "needs", "no", "not", "of", "on", "one", "only", "or", "other", "our", "out", "over", "people", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things", "this", "those", "through", "to", "too", "up", "us", "very", "want", "wants", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "without", "would", "you", "your", "aan", "al", "alle", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er", "geen", "het", "hier", "hoe", "in", "is", "je", "kan", "kunnen", "maar", "meer", "met", "mijn", "na", "naar", "niet", "nog", "of", "om", "onze", "ook", "op", "over", "te", "tot", "uit", "van", "veel", "voor", "wat", "we", "wel", "wie", "wij", "worden", "wordt", "zich", "zijn", "zo", "auch", "auf", "aus", "bei", "bin", "bis", "das", "dass", "dem", "den", "der", "des", "die", "du", "ein", "eine", "einem", "einen", "einer", "es", "fur", "hat", "ich", "ihr", "im", "in", "ist", "ja", "kann", "kein", "keine", "man", "mehr", "mit", "nach", "nicht", "noch", "nur", "oder", "sich", "sie", "sind", "so", "uber", "um", "und", "uns", "unsere", "viel", "vom", "von", "vor", "war", "was", "wenn", "wer", "wie", "wir", "wird", "zu", "zum", "zur", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "lui", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "plus", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y"]
)


@dataclass(frozen=True, slots=True)
class SuggestedCluster:
    """A proposed group: its title and its notes' ids, in the order the notes were given."""

    title: str
    note_ids: tuple[str, ...]


def words(text: str) -> list[str]:
    """The words of a text as written (Unicode letters, any script), in order."""
    return _WORD.findall(text)


def _terms(text: str) -> tuple[list[str], list[str], dict[str, str]]:
    """Word terms (content words and adjacent pairs), character n-grams, and the spelling
    each folded word was written with first."""
    written = [word for word in words(text) if len(word) > 1]
    spelling: dict[str, str] = {}
    content: list[str] = []
    for word in written:
        folded = fold(word).replace("’", "'")
        if folded in STOP_WORDS:
            continue
        spelling.setdefault(folded, word)
        content.append(folded)
    pairs = [f"{first} {second}" for first, second in itertools.pairwise(content)]
    grams = [
        padded[start : start + size]
        for word in content
        for padded in (f" {word} ",)
        for size in CHAR_NGRAMS
        for start in range(max(len(padded) - size + 1, 1))
    ]
    return content + pairs, grams, spelling


def _never() -> None:
    """The default ``check``: nothing stops the work."""


def _tfidf(documents: list[list[str]], check: Callable[[], None] = _never) -> tuple[npt.NDArray[np.float64], list[str]]:
    """Rows of L2-normalised sublinear TF-IDF, over the terms found in two notes or more
    (a term in one note alone adds to no similarity; it still counts in the row's norm)."""
    count = len(documents)
    frequencies = [Counter(document) for document in documents]
    document_frequency: Counter[str] = Counter()
    for frequency in frequencies:
        document_frequency.update(frequency.keys())
    shared = sorted(term for term, df in document_frequency.items() if df > 1)
    column = {term: index for index, term in enumerate(shared)}
    matrix = np.zeros((count, len(shared)), dtype=np.float64)
    for row, frequency in enumerate(frequencies):
        if row % 200 == 0:
            check()
        norm = 0.0
        for term, tf in frequency.items():
            weight = (1.0 + math.log(tf)) * (math.log((1 + count) / (1 + document_frequency[term])) + 1.0)
            norm += weight * weight
            if (index := column.get(term)) is not None:
                matrix[row, index] = weight
        if norm > 0:
            matrix[row] /= math.sqrt(norm)
    return matrix, shared


def similarity_matrix(texts: Sequence[str], check: Callable[[], None] = _never) -> npt.NDArray[np.float64]:
    """Cosine similarities of the notes (words and character n-grams combined). ``check`` is
    called every few hundred notes and may raise to stop the work (a cancel)."""
    word_docs: list[list[str]] = []
    gram_docs: list[list[str]] = []
    for index, text in enumerate(texts):
        if index % 200 == 0:
            check()
        word_terms, grams, _spelling = _terms(text)
        word_docs.append(word_terms)
        gram_docs.append(grams)
    word_matrix, _ = _tfidf(word_docs, check)
    gram_matrix, _ = _tfidf(gram_docs, check)
    check()
    similarity: npt.NDArray[np.float64] = (1.0 - CHAR_WEIGHT) * (word_matrix @ word_matrix.T) + CHAR_WEIGHT * (
        gram_matrix @ gram_matrix.T
    )
    return similarity


def average_link(
    similarity: npt.NDArray[np.float64], threshold: float, check: Callable[[], None] = _never
) -> list[list[int]]:
    """Agglomerative clustering with average linkage on a similarity matrix: join the most
    similar pair of groups while their average similarity is at least ``threshold``.

    Each row keeps its best partner, so a join costs O(n) and the whole run O(n²) in numpy.
    Ties go to the lowest index, so the result depends only on the input.
    """
    count = similarity.shape[0]
    if count == 0:
        return []
    links = similarity.astype(np.float64, copy=True)
    np.fill_diagonal(links, -np.inf)
    sizes = np.ones(count, dtype=np.float64)
    alive = np.ones(count, dtype=bool)
    members: list[list[int]] = [[index] for index in range(count)]
    best = np.argmax(links, axis=1)
    best_value = links[np.arange(count), best]
    joins = 0
    while True:
        joins += 1
        if joins % 50 == 0:
            check()
        candidates = np.where(alive, best_value, -np.inf)
        first = int(np.argmax(candidates))
        if candidates[first] < threshold or not np.isfinite(candidates[first]):
            break
        second = int(best[first])
        keep, gone = min(first, second), max(first, second)
        # Lance-Williams update for average linkage.
        merged = (sizes[keep] * links[keep] + sizes[gone] * links[gone]) / (sizes[keep] + sizes[gone])
        merged[~alive] = -np.inf
        merged[keep] = merged[gone] = -np.inf
        links[keep, :] = merged
        links[:, keep] = merged
        links[gone, :] = -np.inf
        links[:, gone] = -np.inf
        sizes[keep] += sizes[gone]
        alive[gone] = False
        members[keep].extend(members[gone])
        members[gone] = []
        best_value[gone] = -np.inf
        # Rows whose best partner was one of the two look again; every other row only
        # compares its best with the new group.
        stale = np.flatnonzero(alive & ((best == keep) | (best == gone)))
        for row in stale.tolist():
            best[row] = int(np.argmax(links[row]))
            best_value[row] = links[row, best[row]]
        better = alive & (merged > best_value)
        better[keep] = False
        best[better] = keep
        best_value[better] = merged[better]
        tie = alive & (merged == best_value) & (best > keep)
        tie[keep] = False
        best[tie] = keep
        best[keep] = int(np.argmax(links[keep]))
        best_value[keep] = links[keep, best[keep]]
    return [sorted(group) for group in members if group]


def propose_title(texts: Sequence[str]) -> str:
    """A group's most telling words: its word terms with the highest summed TF-IDF within the
    group (against the group's own notes, so words shared by all of them rank first)."""
    counts: Counter[str] = Counter()
    spelling: Counter[tuple[str, str]] = Counter()
    for text in texts:
        word_terms, _grams, spelled = _terms(text)
        counts.update({term for term in word_terms if " " not in term})
        spelling.update((folded, written) for folded, written in spelled.items())
    if not counts:
        return "Theme"
    # Shared by more notes first, then longer words (more telling than short ones), then A-Z.
    ranked = sorted(counts, key=lambda term: (-counts[term], -len(term), term))
    chosen = ranked[:TITLE_TERMS]
    shown = []
    for term in chosen:
        forms = [(n, written) for (folded, written), n in spelling.items() if folded == term]
        shown.append(max(forms, key=lambda pair: (pair[0], pair[1]))[1] if forms else term)
    title = ", ".join(shown)
    return title[:1].upper() + title[1:]


def suggest_clusters(
    notes: Sequence[tuple[str, str]], *, threshold: float = DEFAULT_THRESHOLD, min_size: int = 2,
    check: Callable[[], None] = _never,
) -> list[SuggestedCluster]:
    """Groups of similar notes among ``(note id, text)`` pairs, largest group first.

    Notes with no words are left out; groups smaller than ``min_size`` are not proposed.
    ``check`` is called often and may raise to stop the work (a cancel).
    """
    usable = [(note_id, text) for note_id, text in notes if words(text)]
    if len(usable) < min_size:
        return []
    groups = average_link(similarity_matrix([text for _id, text in usable], check), threshold, check)
    proposals = [
        SuggestedCluster(
            title=propose_title([usable[index][1] for index in group]),
            note_ids=tuple(usable[index][0] for index in group),
        )
        for group in groups
        if len(group) >= min_size
    ]
    # Largest first; equal sizes in the order their first note was given.
    order = {note_id: index for index, (note_id, _text) in enumerate(usable)}
    return sorted(proposals, key=lambda group: (-len(group.note_ids), order[group.note_ids[0]]))


def adjusted_rand_index(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labelings of the same items: 1 for the
    same partition, about 0 for chance agreement."""
    if len(truth) != len(predicted):
        raise ValueError("Both labelings must cover the same items.")
    pairs = Counter(zip(truth, predicted, strict=True))
    rows = Counter(truth)
    columns = Counter(predicted)

    def choose2(n: int) -> float:
        return n * (n - 1) / 2

    index = sum(choose2(n) for n in pairs.values())
    row_sum = sum(choose2(n) for n in rows.values())
    column_sum = sum(choose2(n) for n in columns.values())
    total = choose2(len(truth))
    if total == 0:
        return 1.0
    expected = row_sum * column_sum / total
    maximum = (row_sum + column_sum) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)
