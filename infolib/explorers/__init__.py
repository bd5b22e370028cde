"""The course's explorers: live in the page, on the static website and in JupyterLab.

Each explorer is an anywidget (:class:`~infolib.explorers.base.Explorer`): its view, a small
ES module in ``js/``, draws the controls, numbers and figure and recomputes them in the
browser; the Python side holds the controls as synced traits and gives infolib's numbers for
them (``explorer.readout``).
"""

from .cross_entropy import CrossEntropyExplorer
from .dependence import DependenceExplorer
from .divergence import DivergenceExplorer
from .entropy import EntropyExplorer
from .estimation import EstimationExplorer
from .frequency import FrequencyExplorer
from .gaussian_fit import GaussianFitExplorer
from .misconception import MisconceptionExplorer
from .surprisal import SurprisalExplorer
from .temperature import TemperatureExplorer
from .training import TrainingExplorer

__all__ = [
    "CrossEntropyExplorer",
    "DependenceExplorer",
    "DivergenceExplorer",
    "EntropyExplorer",
    "EstimationExplorer",
    "FrequencyExplorer",
    "GaussianFitExplorer",
    "MisconceptionExplorer",
    "SurprisalExplorer",
    "TemperatureExplorer",
    "TrainingExplorer",
]
