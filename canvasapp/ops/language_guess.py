"""A rough guess of a short note's language from its function words.

Used only to title a suggested group in the language most of its notes are written in: a group
of eight English notes and one German note should read in English. Function words ("the",
"und", "het", "para") are what short notes in these languages have most reliably; a note with
none of them gets no guess, which is fine for choosing a title.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from canvasapp.ops.cluster_suggestions import words
from canvasapp.ops.find import fold

# Folded (lower case, no accents). Words shared by two languages ("in", "de", "die") are left
# out, so each word is evidence for one language only.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(text.split())
    for language, text in {
        "en": "the a an and of to for with is are not no my our we it on at by from this that be"
        " too every who what when how their more new people i i'm don't doesn't can't nobody"
        " enough there after",
        "de": "der das und ist nicht kein keine ein eine einen mit für fur zu zum zur wir ich sich"
        " auf bei auch von vom wie mehr neue mitglieder gemeinsam mich mir mein meine niemand"
        " wenig gut jede jeden",
        "nl": "het een en is niet geen met voor van wij ik ons onze naar bij ook wie wat hoe meer"
        " nieuwe leden samen je mij mijn niemand",
        "es": "el la los las y es no un una con para por nuestro nuestra mis hay muy más mas"
        " nuevos juntos del al sin me mi algo bien otros nadie demasiado",
        "fr": "le les et est pas un une avec pour nous notre sur du au aux plus nouveaux ensemble"
        " je moi personne trop",
    }.items()
}
_OWNER: dict[str, str] = {}
for _language, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _OWNER[_word] = "" if _word in _OWNER else _language  # "" marks a shared word


def guess_language(text: str) -> str | None:
    """The language whose function words the text has most of, or ``None`` on no evidence or a tie."""
    votes = Counter(
        language for word in words(text) if (language := _OWNER.get(fold(word)))
    ).most_common(2)
    if not votes or (len(votes) == 2 and votes[0][1] == votes[1][1]):
        return None
    return votes[0][0]


def majority_language(texts: Sequence[str]) -> str | None:
    """The language most of the texts are guessed to be in, or ``None`` when no guess wins."""
    votes = Counter(language for text in texts if (language := guess_language(text))).most_common(2)
    if not votes or (len(votes) == 2 and votes[0][1] == votes[1][1]):
        return None
    return votes[0][0]
