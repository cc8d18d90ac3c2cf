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
INDEX_OUTDATED = ("L'index « {path} » a été construit par une version antérieure de l'assistant. "
                  "Reconstruisez-le : ctg index --index {path}")
FACTS_OUTDATED = ("Les fiches CTG de l'index « {path} » viennent d'une version antérieure des règles d'extraction. "
                  "Mettez-le à jour (rien n'est ré-encodé) : ctg index --index {path}")
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

# Claim check.
CHECK_SUPPORTED = "Confirmé par les sources :"
CHECK_CONTRADICTED = "Contredit par les sources :"
CHECK_NOT_FOUND = "Les sources ne permettent pas de conclure :"
CHECK_NO_CONVENTION = ("Les sources ne permettent pas de conclure : aucune convention de ce territoire "
                       "ne figure dans les documents.")
CHECK_WHICH_CONVENTION = ("Les sources ne permettent pas de conclure : précisez la collectivité dont la convention "
                          "est concernée (ex. « La CTG de Perpignan… »).")
CHECK_NO_DATE = "la date de signature n'est pas indiquée"
CHECK_DATE_SAME = "signée {found}"
CHECK_DATE_DIFFERS = "la convention a été signée {found}"
CHECK_NO_HOUR = "l'heure de la signature n'est pas indiquée"
CHECK_HOUR_SAME = "signée à {found}"
CHECK_HOUR_DIFFERS = "la signature a eu lieu à {found}"
CHECK_CAF_DIFFERS = "la convention est signée avec la {caf}"
CHECK_NO_EVENT_DATE = "cette date n'est pas indiquée"
CHECK_EVENT_DATE_SAME = "la date est celle du texte"
CHECK_EVENT_DATE_DIFFERS = "le texte indique {found}"
CHECK_PLACE_SAME = "le lieu de la signature est celui du texte"
CHECK_PLACE_DIFFERS = "la signature a eu lieu {found}"
CHECK_NO_PLACE = "le lieu de la signature n'est pas indiqué"
CHECK_NO_PERIOD = "la période n'est pas entièrement indiquée"
CHECK_PERIOD_SAME = "période {found}"
CHECK_PERIOD_DIFFERS = "la période indiquée est {found}"
CHECK_FIGURE_SAME = "le texte indique « {found} »"
CHECK_FIGURE_DIFFERS = "le texte indique « {found} », pas « {said} »"
CHECK_NO_FIGURE = "rien sur « {said} »"
CHECK_PERSON_SAME = "{name} ({role})"
CHECK_ROLE_DIFFERS = "{name} est {role}"
CHECK_NOT_SIGNER = "{name} était présent(e) mais n'a pas signé"
CHECK_REPRESENTED = "{name} était représenté(e) par {by}"
CHECK_BODY_SIGNED = "{body} a signé (par {name})"
CHECK_OTHER_SIGNERS = "les signataires sont {names}"
CHECK_UNKNOWN = "les sources ne mentionnent pas {said}"
CHECK_OTHER_HOLDER = "{role} : {names}, pas {said}"
ACROSS_UNDECIDED = "Non déterminable d'après les textes (date de signature sans année)"
YEAR_NOT_GIVEN = "année non précisée"
CHECK_DOMAIN_SAME = "le domaine « {name} » est couvert"
CHECK_NO_DOMAIN = "le domaine « {name} » n'est pas mentionné"
CHECK_NEGATION = "le texte dit le contraire"
CHECK_CONTENT_SAME = "le texte le dit"
CHECK_NO_CONTENT = "le texte de cette convention ne le dit pas"
VERDICT_LABELS = {"supported": "Vrai d'après les sources", "contradicted": "Contredit par les sources",
                  "not_found": "Non vérifiable dans les sources"}
CHECK_INTRO = ("Collez une affirmation sur une CTG : chaque élément (date, période, chiffre, personne, rôle) est "
               "comparé aux sources de la convention nommée. Cliquez sur une citation pour voir le passage.")
CHECK_LABEL = "Affirmation à vérifier"
CHECK_PLACEHOLDER = "Ex. : La CTG de Perpignan a été signée en 2023."
CHECK_EXAMPLES = [
    "La CTG de Perpignan a été signée en 2023.",
    "La CTG de la CC Vallée de l'Hérault couvre la période 2022-2026.",
    "Laurence Hauck, adjointe au maire d'Angers, a signé la CTG.",
]

# Conversation.
RESOLVED_AS = "Compris comme :"
EXPORT_TITLE = "Conversation avec l'assistant CTG"
NEW_CONVERSATION = "Nouvelle conversation"
EXPORT_CONVERSATION = "Exporter la conversation (Markdown)"
SUGGESTIONS_LABEL = "Questions suivantes possibles"
# (question kind already asked, fact sheet field that must be known, question)
SUGGESTIONS = [
    ("signatories", "signatories", "Qui a signé {ctg} ?"),
    ("period", "period", "Jusqu'à quand court {ctg} ?"),
    ("date", "signed_on", "Quand {ctg} a-t-elle été signée ?"),
    ("domains", "domains", "Quels domaines couvre {ctg} ?"),
    ("objectives", "objectives", "Quels sont les objectifs de {ctg} ?"),
    ("actions", "actions", "Quelles actions prévoit {ctg} ?"),
]
CHAT_HELLO = "Assistant CTG — une question par ligne ; ligne vide ou Ctrl-D pour quitter."

# Optional language model.
LLM_FALLBACK = "le modèle de langue n'a pas répondu à temps : réponse extractive"
LLM_UNSUPPORTED = "la réponse du modèle de langue n'était pas justifiée par les sources : réponse extractive"
LLM_DROPPED = "{n} phrase(s) non justifiée(s) par les sources retirée(s)"
LLM_NOT_CONFIGURED = ("Aucun modèle de langue configuré : définissez CTG_LLM_BASE_URL (et CTG_LLM_MODEL, "
                      "CTG_LLM_API_KEY) ou utilisez --mode extractive.")

# Source files refused at indexing (one by one; the others are indexed).
FILE_EMPTY = "fichier vide"
FILE_BINARY = "fichier binaire : ce n'est pas du texte"
FILE_NO_TEXT = "aucun texte lisible dans le fichier"
FILE_UNSUPPORTED = "format non pris en charge ({suffix}) : .txt, .md, .html, .pdf ou .docx"
FILE_TOO_BIG = "fichier trop volumineux ({mb} Mo ; maximum {limit} Mo, CTG_MAX_FILE_MB)"
AMENDED_PERIOD = "Selon le dernier avenant"
FIRST_PERIOD = "la convention initiale prévoyait"
FILE_PDF_PASSWORD = "PDF protégé par un mot de passe"
FILE_PDF_CORRUPT = "PDF illisible ou corrompu"
FILE_PDF_SCANNED = "PDF sans couche texte (document scanné) : passez-le d'abord dans un logiciel de reconnaissance de caractères"
FILE_DOCX_CORRUPT = "document Word illisible ou corrompu"
FILE_BAD_NAME = "nom de fichier refusé (chemin, caractères de contrôle ou invisibles)"
ADMIN_DISABLED = "L'ajout et la suppression de documents sont désactivés : définissez CTG_ADMIN_PASSWORD."
ADMIN_WRONG_PASSWORD = "Mot de passe administrateur incorrect."
SOURCE_UNKNOWN = "Document inconnu de l'index : « {doc} »."

# "Sources" tab.
SOURCES_INTRO = "Les documents indexés, avec leurs métadonnées (détectées dans le texte ou données par metadata.toml)."
SOURCES_HEADERS = ["Fichier", "Titre", "Format", "Pages", "Date", "Territoire", "Caf", "Source", "Passages"]
SOURCES_ADMIN = "Administration : ajouter ou supprimer des documents"
SOURCES_PASSWORD = "Mot de passe administrateur"
SOURCES_UPLOAD = "Ajouter des documents (.txt, .md, .html, .pdf, .docx)"
SOURCES_DELETE = "Document à supprimer"
SOURCES_DELETE_BUTTON = "Supprimer"
SOURCES_PICK = "Choisissez d'abord un document."
SOURCES_DONE = "Index à jour : {added} ajouté(s), {updated} modifié(s), {removed} retiré(s), {unchanged} inchangé(s)."
SOURCES_REFUSED = "refusé :"
SOURCES_DUPLICATE = "doublon ignoré :"
REPORT_UNREADABLE = "Le rapport {path} ne peut pas être lu ({error}) : relancez ctg eval, puis rechargez."
SELECTOR_UNREADABLE = ("Le modèle de sélection des réponses {path} ne peut pas être lu ({error}) : "
                       "réinstallez le paquet ou relancez « ctg train ».")
SELECTOR_MISMATCH = ("Le modèle de sélection des réponses {path} a été entraîné sur d'autres caractéristiques "
                     "que celles de ce code : relancez « ctg train ».")
CLOSEST_PASSAGES = "Passages les plus proches"
TRAIN_NO_DATA = "Aucune question d'entraînement trouvée : vérifiez les chemins des jeux de questions."
