"""French words of loss, by lemma (as spaCy's French model writes them) -> the measure.

Participles and nouns both: "ont été tués" (tuer), "300 morts" (mort), "blessés" (blessé or
blesser, as the model reads the word).
"""

from __future__ import annotations

from triangulate.measures import Measure

MEASURE_WORDS: dict[str, Measure] = {
    "tuer": "killed", "tué": "killed", "mort": "killed", "mourir": "killed",
    "décès": "killed", "décéder": "killed", "périr": "killed", "péri": "killed",
    "tués": "killed", "tuées": "killed", "abattre": "killed",
    "victime": "casualties", "victimes": "casualties",
    "blesser": "wounded", "blessé": "wounded", "blessée": "wounded", "blessés": "wounded",
    "blessées": "wounded",
    "capturer": "captured", "capturé": "captured", "prisonnier": "captured",
    "otage": "captured", "disparu": "missing", "disparaître": "missing",
    "déployer": "deployed", "déployé": "deployed",
}
