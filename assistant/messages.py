"""Every user-facing French message, in one place."""

REFUSAL = "Je n'ai pas trouvé cette information dans les sources."
EMPTY_QUESTION = "La question est vide : posez une question sur une convention territoriale globale."
QUESTION_TOO_LONG = "La question est trop longue ({n} caractères ; maximum {limit})."
CORPUS_MISSING = (
    "Le dossier de documents « {path} » est introuvable ou vide. "
    "Indiquez un dossier de textes avec --corpus ou CTG_CORPUS_DIR."
)
INDEX_MISSING = "Aucun index dans « {path} ». Lancez d'abord : ctg index --index {path}"
INDEX_MISMATCH = (
    "L'index « {path} » a été construit avec {built}, mais la configuration demande {wanted}. "
    "Reconstruisez-le : ctg index --rebuild --index {path}"
)
INDEX_CORRUPT = "L'index « {path} » est illisible ({detail}). Reconstruisez-le : ctg index --rebuild --index {path}"
CHROMA_UNREACHABLE = (
    "Le serveur Chroma {host}:{port} ne répond pas. Démarrez-le (chroma run --port {port}) "
    "ou retirez CTG_CHROMA_HOST pour utiliser l'index local."
)
MODEL_UNAVAILABLE = "Le modèle d'embedding « {name} » n'est pas installé ({detail}). Lancez : make install"
INDEX_BUILT = "Index prêt : {docs} documents, {chunks} passages ({added} ajoutés, {removed} retirés)."
INDEXING = "Construction de l'index"

# Web app.
APP_TITLE = "Assistant CTG — conventions territoriales globales"
APP_INTRO = (
    "Posez une question sur les conventions territoriales globales (CTG) des Caf : "
    "signataires, période, domaines, objectifs, actions. Chaque réponse cite ses sources."
)
APP_PLACEHOLDER = "Ex. : Qui a signé la CTG de Perpignan ?"
APP_SOURCES = "Passage cité"
APP_NO_SOURCE = "Cliquez sur une citation [n] pour voir le passage dans son document."
APP_BUILDING = "Première utilisation : construction de l'index…"
EXAMPLES = [
    "Qui a signé la convention territoriale globale de Perpignan ?",
    "Jusqu'à quand court la CTG de Canet-en-Roussillon ?",
    "Quels domaines couvre la CTG de Caux Seine agglo ?",
    "Combien de communes ont signé la CTG de la Vallée de l'Hérault ?",
]
FACTS_INTRO = ("Une ligne par convention : cliquez sur une case pour voir le passage d'où vient le fait ; "
               "filtrez avec la recherche, triez en cliquant sur un en-tête.")
FACTS_CSV = "Exporter en CSV"
LABEL_TERRITORY = "Territoire"
LABEL_CAF = "Caf"
LABEL_DATE = "Date"
LABEL_SIGNED = "Signée le"
LABEL_PERIOD = "Période"
LABEL_DOMAINS = "Domaines"
LABEL_SIGNATORIES = "Signataires"
LABEL_PRESENT = "Présents"
LABEL_OBJECTIVES = "Objectifs"
LABEL_ACTIONS = "Actions"
LABEL_FIGURES = "Chiffres"
