"""French sentence banks, part one: the contractual and methodological prose of a CTG.

Slots: {T} territory with article, {S} short name with article, {dS} "de" + short name,
{caf} "la Caf du Cher", {dep} "du Cher", {seat}, {c1}, {c2}, {c3} communes, {y0}/{y1} years,
{coll} "l'intercommunalité" or "la commune", {river}.
"""
from __future__ import annotations

GENERAL = [
    "La convention territoriale globale constitue un cadre politique de référence pour l'ensemble des "
    "interventions en direction des familles du territoire.",
    "Elle traduit la volonté des signataires de dépasser une logique de guichet pour construire un projet "
    "social partagé, lisible par les habitants et par les partenaires.",
    "La démarche repose sur un diagnostic partagé, la définition d'orientations communes et la mise en "
    "œuvre d'un plan d'actions évalué chaque année.",
    "Les partenaires conviennent de mutualiser leurs moyens d'ingénierie afin de soutenir les projets les "
    "plus structurants pour le territoire.",
    "Cette convention succède aux contrats enfance jeunesse, dont les financements sont désormais "
    "versés sous la forme de bonus territoire.",
    "Le projet social de territoire tient compte de la diversité des situations familiales, des écarts "
    "entre le bourg-centre et les communes rurales et des évolutions démographiques récentes.",
    "Les signataires s'accordent sur la nécessité d'une observation sociale continue, actualisée au fil "
    "des travaux du comité technique.",
    "La convention favorise le décloisonnement des politiques publiques et encourage la coordination des "
    "acteurs intervenant auprès des familles.",
    "Elle s'inscrit en cohérence avec le schéma départemental des services aux familles et avec les "
    "priorités nationales de la branche Famille.",
    "Les habitants sont associés à la démarche au travers de questionnaires, de réunions publiques et "
    "d'instances de concertation.",
    "La mise en œuvre de la convention mobilise les services de {coll}, les équipes de {caf} et un réseau "
    "associatif particulièrement dense.",
    "La convention ne se substitue pas aux engagements contractuels existants ; elle les met en "
    "cohérence et leur donne une visibilité commune.",
    "Chaque partenaire conserve la maîtrise de ses compétences propres tout en s'engageant à inscrire "
    "son action dans les orientations définies en commun.",
    "L'ambition partagée est de rendre l'offre de services plus lisible, plus accessible et mieux "
    "adaptée aux attentes des familles.",
    "Les travaux préparatoires ont réuni des élus, des professionnels de terrain et des représentants "
    "d'usagers au cours de plusieurs ateliers thématiques.",
    "Le territoire se caractérise par un maillage de petites communes, une forte dépendance à la voiture "
    "et des distances importantes entre les lieux de vie et les services.",
    "La vallée {river_de} structure le territoire et concentre l'essentiel des équipements et des services.",
    "Les communes de {c1} et de {c2} connaissent une croissance démographique portée par l'arrivée de "
    "jeunes ménages avec enfants.",
    "À l'inverse, plusieurs communes de l'est du territoire voient leur population vieillir et leurs "
    "services de proximité se raréfier.",
    "La présente convention a vocation à être un document vivant, régulièrement enrichi au fil des "
    "bilans et des évolutions du territoire.",
]
PILOTAGE = [
    "Le comité de pilotage est l'instance de décision de la convention ; il valide les orientations, "
    "arbitre les priorités et suit l'avancement du plan d'actions.",
    "Il réunit les élus référents des collectivités signataires, la direction de {caf} et les "
    "représentants des partenaires associés.",
    "Le comité technique prépare les travaux du comité de pilotage, assure le suivi opérationnel des "
    "actions et propose les ajustements nécessaires.",
    "Des groupes de travail thématiques peuvent être constitués pour approfondir un sujet ou préparer "
    "une action nouvelle.",
    "Le secrétariat des instances est assuré par la coordination de la convention, qui établit les "
    "ordres du jour et rédige les comptes rendus.",
    "Les comptes rendus sont adressés à l'ensemble des membres dans un délai d'un mois suivant chaque réunion.",
    "La coordination veille à la circulation de l'information entre les partenaires et à la tenue du "
    "tableau de bord de suivi.",
    "Un bilan annuel est présenté au comité de pilotage ; il retrace les actions réalisées, les moyens "
    "mobilisés et les difficultés rencontrées.",
    "Les élus municipaux des communes membres sont invités à participer aux travaux et relayent "
    "l'information auprès de leurs conseils.",
    "La chargée de coopération territoriale de la Caf accompagne la collectivité dans l'animation de la démarche.",
]
EVALUATION = [
    "L'évaluation porte à la fois sur la réalisation des actions, sur leurs effets pour les familles et "
    "sur la qualité du partenariat.",
    "Des indicateurs de suivi sont définis pour chaque action inscrite au plan d'actions et renseignés "
    "chaque année par les pilotes.",
    "L'évaluation associe les usagers, notamment au moyen d'enquêtes de satisfaction et de temps d'échanges.",
    "Les résultats de l'évaluation sont présentés au comité de pilotage et peuvent conduire à une "
    "révision du plan d'actions.",
    "Une évaluation finale, conduite au cours de la dernière année, prépare le renouvellement de la convention.",
    "Les données mobilisées proviennent notamment des fichiers allocataires, de l'Insee et des "
    "observatoires départementaux.",
    "Les partenaires s'engagent à transmettre les données nécessaires dans le respect de la réglementation "
    "relative à la protection des données personnelles.",
    "L'évaluation s'attache également à mesurer l'évolution du non-recours aux droits sur le territoire.",
]
ENGAGE_CAF = [
    "La Caf s'engage à mettre à disposition ses données statistiques et son expertise en matière "
    "d'observation sociale.",
    "Elle accompagne la collectivité dans l'élaboration, le suivi et l'évaluation du plan d'actions.",
    "Elle mobilise ses financements de droit commun et ses fonds locaux selon les règles de son "
    "règlement intérieur d'action sociale.",
    "Elle désigne un interlocuteur privilégié chargé de suivre la convention et de faciliter les relations "
    "avec ses services.",
    "Elle soutient les gestionnaires d'équipements au travers des prestations de service et des bonus territoire.",
    "Elle informe les familles de l'offre de services disponible, notamment au moyen du site monenfant.fr.",
    "Elle veille à l'articulation de la convention avec ses autres dispositifs partenariaux.",
]
ENGAGE_COLL = [
    "La collectivité s'engage à assurer la coordination de la démarche et à mobiliser les moyens humains nécessaires.",
    "Elle s'engage à maintenir son niveau d'investissement dans les services aux familles pendant toute "
    "la durée de la convention.",
    "Elle associe les communes membres et les acteurs locaux à la mise en œuvre du plan d'actions.",
    "Elle transmet chaque année à la Caf les éléments de bilan nécessaires au suivi de la convention.",
    "Elle veille à la cohérence entre la convention et ses autres politiques publiques, notamment en "
    "matière d'urbanisme, de transport et de développement économique.",
    "Elle s'engage à faire figurer le soutien de la Caf dans l'ensemble de ses supports de communication.",
    "Elle garantit l'accès des familles aux équipements financés, sans discrimination et avec une "
    "tarification adaptée à leurs ressources.",
]
ENGAGE_OTHER = [
    "Le Département contribue à la démarche au titre de ses compétences en matière de protection "
    "maternelle et infantile et d'action sociale.",
    "Il mobilise ses travailleurs sociaux de secteur pour l'accompagnement des familles les plus vulnérables.",
    "La MSA apporte son expertise des territoires ruraux et mobilise ses dispositifs en faveur des "
    "familles relevant du régime agricole.",
    "Les communes signataires s'engagent à relayer les actions auprès de leurs habitants et à mettre à "
    "disposition des locaux.",
]
FINANCE = [
    "Les financements de la Caf sont attribués dans la limite des crédits disponibles et sous réserve "
    "du respect des conditions d'éligibilité.",
    "Le bonus territoire est versé directement aux gestionnaires des équipements, sur la base des "
    "données d'activité déclarées.",
    "Les montants indiqués en annexe ont un caractère prévisionnel et sont actualisés chaque année.",
    "Les financements des autres partenaires font l'objet de conventions spécifiques conclues avec les "
    "porteurs de projets.",
    "Aucune action nouvelle ne peut être engagée sans l'accord préalable du comité de pilotage sur son "
    "plan de financement.",
    "Les partenaires recherchent, autant que possible, des cofinancements auprès de l'État, de la Région "
    "et des fonds européens.",
]
CLOSING = [
    "Toute modification des conditions ou modalités d'exécution de la présente convention fait l'objet "
    "d'un avenant signé par l'ensemble des parties.",
    "La convention peut être résiliée par l'une ou l'autre des parties, par lettre recommandée avec "
    "accusé de réception, moyennant un préavis de trois mois.",
    "En cas de manquement grave de l'une des parties à ses engagements, la convention peut être "
    "résiliée de plein droit à l'issue d'une mise en demeure restée sans effet.",
    "Les parties s'efforcent de régler à l'amiable tout différend relatif à l'interprétation ou à "
    "l'exécution de la présente convention.",
    "Les parties s'engagent à respecter la réglementation relative à la protection des données à "
    "caractère personnel, notamment le règlement général sur la protection des données.",
    "Les logos des signataires figurent sur tous les documents relatifs aux actions financées dans le "
    "cadre de la convention.",
    "Les partenaires conviennent d'organiser ensemble les temps forts de communication, notamment lors "
    "de la signature et du bilan à mi-parcours.",
]
