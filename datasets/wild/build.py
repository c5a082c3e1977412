"""Re-create the "wild" evaluation set (issue #16): pictures, truth.json and sources.json.

The set is what the captioner was never trained for: real photos of animals, food, objects, buildings
and vehicles; paintings, drawings and cartoons; rendered charts, diagrams, photos of text, QR codes and
barcodes; icons from freedesktop themes; memes; and a few Flickr8k-like scenes as controls. Everything
comes from pinned Debian packages or is rendered here, so the folder can be rebuilt byte for byte on
the same package versions and nothing is fetched from anywhere else.

Never used (the product is checked on pictures like them): the sample images of opencv-doc,
scikit-image and matplotlib, the Adwaita icon theme, and Flickr8k's photos.

Run it with its own small environment (it needs Qt only to read GComPris' resource files, and the
product's venv should not grow for a data script); as root on Debian 12 with `apt-get update` done:

    apt-get install graphviz
    python3 -m venv /tmp/wild-venv && /tmp/wild-venv/bin/pip install -r datasets/wild/requirements.txt
    /tmp/wild-venv/bin/python datasets/wild/build.py [--cache ~/.cache/assistant/wild-src] [--only ID ...]

The catalogue below is the one place where a picture, its recipe and its truth are written down;
truth.json and sources.json are generated from it (and committed, so the benchmark needs none of this).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
IMAGES = HERE / "images"
MAX_SIDE = 640
SEED = 16  # the number; every random choice below derives from it and the picture's id

# Debian 12 (bookworm) packages, pinned: apt-get download NAME=VERSION, then dpkg-deb -x.
DEBS = {
    "tuxpaint-stamps-default": ("2022.06.04-1", "GPL-2"),
    "gcompris-qt-data": ("3.1-2", "GPL-3+ (GCompris data)"),
    "plasma-workspace-wallpapers": ("4:5.27.5-2", "LGPL-3 (per wallpaper metadata)"),
    "mate-backgrounds": ("1.26.0-1", "GPL-2+"),
    "python3-sklearn": ("1.2.1+dfsg-1", "CC-BY-2.0 (sklearn/datasets/images/README.txt)"),
    "openclipart-png": ("1:0.18+dfsg-19", "public-domain (Open Clip Art Library)"),
    "papirus-icon-theme": ("20230104-2", "GPL-3"),
    "breeze-icon-theme": ("4:5.103.0-1", "LGPL-3+"),
    "oxygen-icon-theme": ("5:5.103.0-1", "LGPL-3+"),
    "tango-icon-theme": ("0.8.90-11", "public-domain"),
}
RENDERED_LICENCE = "CC0-1.0 (rendered by build.py)"

TUX = "usr/share/tuxpaint/stamps/"
GC_RCC = "usr/share/gcompris-qt/rcc/"
GC = ":/gcompris/src/activities/"
PLASMA = "usr/share/wallpapers/"
MATE = "usr/share/backgrounds/mate/"
OCA = "usr/share/openclipart/png/"
SKL = "usr/lib/python3/dist-packages/sklearn/datasets/images/"


# ----------------------------------------------------------------------------------------------
# the catalogue
# ----------------------------------------------------------------------------------------------


@dataclass
class Item:
    id: str
    kind: str  # photo, drawing, painting, cartoon, chart, diagram, icon, text_photo, code, meme
    group: str  # finer topic inside the kind (animal, food, ...): the split balances on it
    recipe: tuple  # (maker name, args...), see MAKERS
    gist: list[list[str]]
    false: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)
    source: dict = field(default_factory=dict)  # filled by the maker
    split: str = ""


def groups(spec: str) -> list[list[str]]:
    """'cat|kitten; grey' -> [['cat', 'kitten'], ['grey']]: every group must be named, any word of it."""
    return [[w.strip() for w in g.split("|") if w.strip()] for g in spec.split(";") if g.strip()]


def words(spec: str) -> list[str]:
    return [w.strip() for w in spec.split(",") if w.strip()]


CATALOGUE: list[Item] = []


def add(id: str, kind: str, group: str, recipe: tuple, gist: str, false: str = "", allowed: str = "") -> None:
    CATALOGUE.append(Item(id, kind, group, recipe, groups(gist), words(false), words(allowed)))


# --- photos: animals ----------------------------------------------------------------------------
FARM = GC + "explore_farm_animals/resource/animals/"
WORLD = GC + "explore_world_animals/resource/animals/"
for name, gist, allowed in [
    ("cat", "cat|kitten|kitty", "yarn, wool, pink, red"),
    ("chicken", "chicken|chickens|hen|hens|rooster|bird|birds", "grass"),
    ("cow", "cow|cows|cattle|calf", "grass, field"),
    ("duck", "duck|ducks|goose|bird", "water"),
    ("horse", "horse|horses|pony|foal", "grass, field"),
    ("owl", "owl", "branch, tree"),
    ("pig", "pig|piglet|hog|boar|swine", "grass, field"),
    ("sheep", "sheep|lamb|ram", "grass, field"),
]:
    add(
        f"farm_{name}",
        "photo",
        "animal",
        ("rcc", "explore_farm_animals", FARM + f"{name}.webp"),
        gist,
        allowed=allowed,
    )
for name, gist, allowed in [
    ("chameleon", "chameleon|lizard|reptile|iguana", "branch, leaves, tree"),
    ("crocodile", "crocodile|alligator|reptile", "water"),
    ("giraffe", "giraffe|giraffes", "tree, trees, grass"),
    ("hedgehog", "hedgehog|porcupine", "grass"),
    ("jaguar", "jaguar|jaguars|leopard|leopards|cheetah|cat|cats", "rock, rocks"),
    ("kangaroo", "kangaroo|kangaroos|wallaby", ""),
    ("koala", "koala|bear", "tree, branch"),
    ("panda", "panda|bear", "rock"),
    ("polar_bear", "polar bear|bear", "snow, ice"),
    ("scarlet_macaw", "macaw|parrot|bird", ""),
    ("narwhal", "narwhal|whale|whales", "water, sea, ocean"),
]:
    add(
        f"wild_{name}",
        "photo",
        "animal",
        ("rcc", "explore_world_animals", WORLD + f"{name}.webp"),
        gist,
        allowed=allowed,
    )
for path, gist, allowed in [
    ("animals/amphibians/frog.png", "frog|toad", ""),
    ("animals/birds/crowned_crane.png", "crane|bird", ""),
    ("animals/birds/pelican.png", "pelican|bird", ""),
    ("animals/birds/pink_flamingo.png", "flamingo|bird", ""),
    ("animals/birds/tucan.png", "toucan|tucan|bird", ""),
    ("animals/fish/lionfish.png", "lionfish|fish", "water"),
    ("animals/fish/lobster.png", "lobster|crayfish|crawfish", "water"),
    ("animals/fish/seahorse.png", "seahorse|sea horse", "water"),
    ("animals/insects/hornet.png", "hornet|wasp|bee|insect", ""),
    ("animals/insects/grasshopper.png", "grasshopper|cricket|locust|insect", ""),
    ("animals/insects/mantis.png", "mantis|insect", ""),
    ("animals/insects/xanthia.png", "moth|butterfly|insect", ""),
    ("animals/mammals/apes/gorilla.png", "gorilla|ape|chimpanzee|monkey", ""),
    ("animals/mammals/aquatic/dolphin.png", "dolphin|porpoise", "water"),
    ("animals/mammals/aquatic/orca.png", "orca|killer whale|whale", "water"),
    ("animals/mammals/equines/zebra.png", "zebra", ""),
    ("animals/mammals/cats/tiger.png", "tiger", ""),
    ("animals/mammals/dogs/fox.png", "fox", ""),
    ("animals/mammals/rodents/squirrel.png", "squirrel", ""),
    ("animals/mammals/elephant.png", "elephant", ""),
    ("animals/lizards/iguana.png", "iguana|lizard|reptile", ""),
]:
    add(f"stamp_{Path(path).stem.lower()}", "photo", "animal", ("cutout", TUX + path), gist, allowed=allowed)

# --- photos: food and drink --------------------------------------------------------------------
for path, gist in [
    ("food/fruit/Strawberry2.png", "strawberry|strawberries|fruit"),
    ("food/fruit/Cherry_Stella.png", "cherry|cherries|fruit"),
    ("food/fruit/avocado.png", "avocado"),
    ("food/fruit/kiwi.png", "kiwi|kiwifruit|fruit"),
    ("food/vegetables/broccoli.png", "broccoli|vegetable|cauliflower"),
    ("food/vegetables/corn.png", "corn|maize|cob"),
    ("food/spices/ginger.png", "ginger|root"),
    ("food/fruit/apricot.png", "apricot|peach|plum|mango|fruit"),
    ("food/fruit/mandarine.png", "mandarin|mandarine|orange|tangerine|clementine|fruit"),
    ("food/fruit/orange_seville.png", "orange|fruit"),
    ("household/dishes/glass.png", "glass"),
    ("household/dishes/mug.png", "mug|cup"),
]:
    add(f"stamp_{Path(path).stem.lower()}", "photo", "food", ("cutout", TUX + path), gist)
add(
    "plasma_colorfulcups",
    "photo",
    "food",
    ("deb", "plasma-workspace-wallpapers", PLASMA + "ColorfulCups/contents/images/2560x1600.jpg"),
    "cup|cups|mug|mugs",
)

# --- photos: objects ---------------------------------------------------------------------------
for path, gist in [
    ("hobbies/binoculars.png", "binoculars|binocular"),
    ("hobbies/camera_35mm.png", "camera"),
    ("hobbies/music/brass/trumpet.png", "trumpet|cornet|horn|instrument"),
    ("hobbies/music/percussion/cymbal_crash.png", "cymbal|gong"),
    ("hobbies/music/percussion/drumkit.png", "drum|drums|drumkit|drum kit"),
    ("hobbies/music/string/cello.png", "cello|violin|double bass|instrument"),
    ("hobbies/music/string/guitar_classical.png", "guitar"),
    ("household/Lightbulb.png", "bulb|lightbulb|light bulb|lamp"),
    ("household/toilet.png", "toilet"),
    ("household/tools/cementmixer.png", "mixer|cement|concrete"),
    ("household/tools/hammer.png", "hammer|axe|tool"),
    ("household/tools/saw.png", "saw|tool"),
    ("household/tools/plyers.png", "pliers|plyers|tool"),
    ("household/tools/toolbox.png", "toolbox|tool box|box|case"),
    ("household/tools/measuring_tape.png", "tape|tape measure"),
    ("household/wheelie_bin.png", "bin|trash|garbage|dustbin|can"),
    ("household/kettle.png", "kettle"),
    ("symbols/money/canadian/coins/025quarter.png", "coin|coins|quarter"),
    ("symbols/money/euro/coins/200.png", "coin|coins|euro"),
    ("symbols/money/japanese/yen050.png", "coin|coins|yen"),
    ("sports/basketball.png", "basketball|ball"),
    ("sports/soccer.png", "soccer ball|football|ball"),
]:
    allowed = "ball" if "ball" in gist else ""
    add(f"stamp_{Path(path).stem.lower()}", "photo", "object", ("cutout", TUX + path), gist, allowed=allowed)
add(
    "music_africa",
    "photo",
    "object",
    ("rcc", "explore_world_music", GC + "explore_world_music/resource/music/africa.webp"),
    "drum|drums",
    allowed="grass",
)
add(
    "music_middleeast",
    "photo",
    "object",
    ("rcc", "explore_world_music", GC + "explore_world_music/resource/music/middleeast.webp"),
    "instrument|lute|sitar|setar|guitar|banjo",
)

# --- photos: buildings and landscapes ------------------------------------------------------------
MON = GC + "explore_monuments/resource/"
for path, gist, allowed in [
    ("france/eiffelTower.webp", "eiffel|tower", "sky, trees, grass"),
    ("egypt/greatPyramidOfGiza.webp", "pyramid|pyramids", "sky, sand, desert"),
    ("wonders/colosseum.webp", "colosseum|coliseum|amphitheater|amphitheatre|ruin|ruins", "sky"),
    ("wonders/tajMahal.webp", "taj mahal|palace|mosque|temple|building|dome", "sky, water, trees"),
    ("usa/statueofLiberty.webp", "statue|liberty", "sky"),
    ("germany/brandenburgGate.webp", "gate|brandenburg|columns|building", "sky"),
    ("germany/neuschwansteinCastle.webp", "castle|palace", "sky, trees, mountain, mountains"),
    ("france/montStMichel.webp", "abbey|castle|island|mont|church", "sky, water, grass, sand"),
    ("france/pontduGard.webp", "aqueduct|bridge", "trees, water, river"),
    ("wonders/greatWallofChina.webp", "wall|great wall", "mountain, mountains, hills, trees, sky"),
    (
        "wonders/machuPicchu.webp",
        "machu picchu|ruins|ruin|mountain|mountains",
        "mountain, mountains, sky, clouds",
    ),
    ("wonders/petra.webp", "petra|temple|tomb|building|facade|carved", "rock, rocks, cliff"),
    ("usa/mountRushmore.webp", "rushmore|monument|sculpture|faces|presidents", "rock, mountain, sky, trees"),
    ("wonders/chichenItza.webp", "pyramid|temple", "sky, grass"),
    ("wonders/christTheRedeemer.webp", "statue|christ|redeemer", "mountain, city, sky"),
    ("india/hawaMahal.webp", "palace|building|facade|hawa mahal", "sky"),
    ("usa/canyondeChelly.webp", "canyon|valley|river|cliffs|landscape", "rock, rocks, river, water, trees"),
]:
    add(
        f"monument_{Path(path).stem.lower()}",
        "photo",
        "building",
        ("rcc", "explore_monuments", MON + path),
        gist,
        allowed=allowed,
    )
add(
    "sklearn_china",
    "photo",
    "building",
    ("deb", "python3-sklearn", SKL + "china.jpg"),
    "pagoda|temple|tower|building|palace",
    allowed="trees, water, lake, sky",
)
add(
    "sklearn_flower",
    "photo",
    "landscape",
    ("deb", "python3-sklearn", SKL + "flower.jpg"),
    "flower|flowers|dahlia",
    allowed="leaves",
)
for name, gist, allowed in [
    ("BytheWater", "pier|dock|jetty|lake|water", "water, lake, fog"),
    (
        "EveningGlow",
        "boat|boats|canoe|canoes|kayak|rowboat",
        "water, lake, sunset, sky, beach, shore, rocks, mountains",
    ),
    ("DarkestHour", "lake|water|sea|dusk|fog", "water, lake, sky"),
    ("Path", "forest|trees|woods|path", "trees, grass, path"),
    ("OneStandsOut", "plant|plants|moss|leaves|green", ""),
    ("Kite", "kite|sky|clouds", "sky, clouds"),
    ("FallenLeaf", "leaf|leaves|autumn|fall", "ground"),
    ("summer_1am", "lake|water|sunset|dusk|sky", "water, lake, sky, reeds"),
]:
    add(
        f"plasma_{name.lower()}",
        "photo",
        "landscape",
        ("deb", "plasma-workspace-wallpapers", PLASMA + f"{name}/contents/images/1280x1024.jpg"),
        gist,
        allowed=allowed,
    )
for name, gist, allowed in [
    ("nature/LadyBird.jpg", "ladybird|ladybug|beetle|insect", "grass, flowers, plant"),
    ("nature/YellowFlower.jpg", "flower|flowers|daisy|sunflower", ""),
    ("nature/Storm.jpg", "storm|clouds|sky|road|field", "road, field, sky, clouds"),
    ("nature/TwoWings.jpg", "dandelion|seed|seeds|flower|flowers", "flower"),
]:
    add(
        f"mate_{Path(name).stem.lower()}",
        "photo",
        "landscape",
        ("deb", "mate-backgrounds", MATE + name),
        gist,
        allowed=allowed,
    )

# --- photos: vehicles ----------------------------------------------------------------------------
for path, gist in [
    ("vehicles/auto/sedan.png", "car|sedan"),
    ("vehicles/auto/sportscar2.png", "car|sports car|convertible"),
    ("vehicles/auto/truck.png", "truck|pickup|car"),
    ("vehicles/emergency/firetruck.png", "fire truck|fire engine|firetruck|truck"),
    ("vehicles/flight/planes/747.png", "plane|airplane|aeroplane|jet|aircraft|airliner"),
    ("vehicles/masstransit/green_korean_bus.png", "bus"),
    ("vehicles/garbagetruck.png", "truck|lorry|garbage truck"),
    ("vehicles/race/indycar.png", "race car|racing car|car|formula"),
    ("vehicles/flight/balloon360.png", "balloon|hot air balloon"),
    ("vehicles/construction/dumper.png", "dumper|tractor|truck|vehicle"),
]:
    add(f"stamp_{Path(path).stem.lower()}", "photo", "vehicle", ("cutout", TUX + path), gist)

# --- photos: Flickr8k-like controls (people, a dog), from elsewhere --------------------------------
MUSIC = GC + "explore_world_music/resource/music/"
PEOPLE = "person, people, man, men, woman, women, group, crowd, musician, musicians"
add(
    "control_dog",
    "photo",
    "control",
    ("rcc", "explore_farm_animals", FARM + "dog.webp"),
    "dog|shepherd|german shepherd",
    allowed="dog, grass, field",
)
add(
    "control_ireland",
    "photo",
    "control",
    ("rcc", "explore_world_music", MUSIC + "ireland.webp"),
    "man|men|people|group|musicians|band|person",
    allowed=PEOPLE + ", guitar, stage, music, shirt, play, playing",
)
add(
    "control_mexico",
    "photo",
    "control",
    ("rcc", "explore_world_music", MUSIC + "mexico.webp"),
    "man|men|people|group|musicians|band|person",
    allowed=PEOPLE + ", guitar, hat, shirt, jacket, play, playing",
)
add(
    "control_orchestra",
    "photo",
    "control",
    ("rcc", "explore_world_music", MUSIC + "orchestra.webp"),
    "orchestra|musicians|people|band|concert|stage",
    allowed=PEOPLE + ", stage, shirt, play, playing",
)
add(
    "control_italy",
    "photo",
    "control",
    ("rcc", "explore_world_music", MUSIC + "italy.webp"),
    "people|women|men|group|woman|man|person|girls",
    allowed=PEOPLE + ", girl, girls, dress, dresses",
)
add(
    "control_japan",
    "photo",
    "control",
    ("rcc", "explore_world_music", MUSIC + "japan.webp"),
    "people|crowd|festival|lanterns|dancers|person",
    allowed=PEOPLE + ", street, night",
)

# --- paintings (GComPris' jigsaws, put back together) --------------------------------------------
for board, gist, allowed in [
    (1, "people|crowd|dance|dancing|party", PEOPLE + ", dance, hat, hats"),
    (2, "face|portrait|head|flowers|woman", "face, woman, flowers"),
    (3, "books|book|face|portrait|man", "books, man"),
    (5, "woman|geisha|fan|portrait", "woman, fan, hair"),
    (6, "people|wind|field|mountain|travellers", "people, man, men, wind, field, mountain, trees, water"),
    (7, "wave|waves|sea|ocean|boat|boats", "wave, waves, water, sea, ocean, boat, boats, mountain, snow"),
    (8, "snow|shrine|temple|building|winter", "snow, water, trees, bridge"),
    (9, "fish|prawn|prawns|shrimp", "fish, water"),
    (10, "boat|boats|bridge|river|water", "boat, water, river, bridge, people, mountain"),
    (11, "flower|flowers|poppy|poppies", "flowers"),
    (12, "ship|boat|sail|sailing|sea", "ship, boat, sea, water, sail"),
    (14, "woman|portrait|mona lisa|lady", "woman, lady, portrait"),
    (15, "castle|fortress|town|hill|landscape|tower", "castle, hill, sky, trees"),
    (16, "lion", "lion"),
    (17, "harvest|field|wheat|farmers|people|peasants|landscape", PEOPLE + ", field, tree, trees"),
    (18, "girls|girl|piano|children", "girl, girls, piano, child, children"),
    (19, "abstract|shapes|circles|lines|geometric", "circle, circles, lines, shapes"),
    (20, "sea|water|coast|beach|shore|town|walls|ramparts", "water, sea, beach, shore, sky, sand"),
    (21, "boat|women|girls|water|lake|ducks", "boat, women, woman, girls, girl, water, lake, ducks, people"),
    (22, "village|houses|street|town|roofs", "village, houses, street, trees, sky"),
]:
    add(f"painting_{board:02d}", "painting", "painting", ("painting", board), gist, allowed=allowed)

# --- drawings (Open Clip Art Library) ------------------------------------------------------------
for path, gist in [
    ("recreation/music/guitar_ganson.png", "guitar"),
    ("recreation/music/violin_colour_ganson.png", "violin|fiddle|instrument"),
    ("buildings/homes/lighthouse_matthew_gates_.png", "lighthouse|tower"),
    ("buildings/homes/house_christoph_brill_01.png", "house|home|building"),
    ("food/fruit/watermelon_james_kilfige_01.png", "watermelon|melon"),
    ("food/pizza_4_stagioni_archite_01.png", "pizza"),
    ("food/beverages/teapot_ganson.png", "teapot|tea pot|kettle|pot"),
    ("food/meats_and_eggs/burger_linda_kim_01.png", "burger|hamburger|sandwich"),
    ("plants/flowers/sun_flower_ganson.png", "sunflower|flower"),
    ("transportation/bus1_jarno_vasamaa_01.png", "bus|coach"),
    ("transportation/vehicles/rocket.png", "rocket|spaceship|missile"),
    ("animals/birds/emperor_penguin_ralf_ste_01.png", "penguin|bird"),
    ("animals/bugs/butterfly_jonvdveen_01.png", "butterfly|moth"),
]:
    add(f"clipart_{Path(path).stem.lower().rstrip('_')}", "drawing", "drawing", ("clipart", OCA + path), gist)

# --- cartoons ------------------------------------------------------------------------------------
LANG = GC + "lang/resource/words_sample/"
for name, gist, allowed in [
    ("cat", "cat|kitten", ""),
    ("dog", "dog|puppy", "dog, bowl"),
    ("cow", "cow|bull|calf", ""),
    ("dolphin", "dolphin|whale|fish", "water"),
    ("fox", "fox", ""),
    ("frog", "frog|toad", ""),
    ("giraffe", "giraffe", ""),
    ("camel", "camel|dromedary", ""),
    ("bird", "bird|robin|parrot", "branch"),
    ("family", "family|people|parents|man|woman|boy|child", PEOPLE + ", boy, child, family, shirt"),
    ("girl", "girl|child|kid", "girl, child, kid, dress, hair"),
]:
    add(
        f"cartoon_{name}", "cartoon", "cartoon", ("rcc", "lang", LANG + f"{name}.webp"), gist, allowed=allowed
    )
add(
    "cartoon_bee",
    "cartoon",
    "cartoon",
    ("clipart", OCA + "animals/bugs/bee1_mimooh_01.png"),
    "bee|wasp|insect",
)
add(
    "cartoon_teddy",
    "cartoon",
    "cartoon",
    ("clipart", OCA + "recreation/toys/simple_teddy_bear_gerald_01.png"),
    "teddy|bear",
)
add(
    "cartoon_konqui",
    "cartoon",
    "cartoon",
    ("deb", "plasma-workspace-wallpapers", PLASMA + "FlyingKonqui/contents/images/1280x1024.png"),
    "dragon|dinosaur|lizard",
    allowed="sky, bubbles, water",
)

# --- icons (freedesktop themes other than Adwaita) -----------------------------------------------
PAP = "usr/share/icons/Papirus/64x64/"
BRZ = "usr/share/icons/breeze/"
TNG = "usr/share/icons/Tango/scalable/"
OXY = "usr/share/icons/oxygen/base/256x256/"
for pkg, path, gist in [
    ("papirus-icon-theme", PAP + "places/folder.svg", "folder|directory"),
    ("papirus-icon-theme", PAP + "places/user-trash.svg", "trash|bin|wastebasket|rubbish|garbage"),
    ("papirus-icon-theme", PAP + "devices/printer.svg", "printer"),
    ("papirus-icon-theme", PAP + "devices/camera-photo.svg", "camera"),
    ("papirus-icon-theme", PAP + "apps/accessories-calculator.svg", "calculator"),
    ("papirus-icon-theme", PAP + "apps/office-calendar.svg", "calendar|date"),
    ("papirus-icon-theme", PAP + "devices/input-keyboard.svg", "keyboard"),
    ("papirus-icon-theme", PAP + "devices/battery.svg", "battery"),
    ("papirus-icon-theme", PAP + "apps/web-browser.svg", "globe|earth|world|browser|web|internet"),
    ("breeze-icon-theme", BRZ + "places/64/user-home.svg", "home|house"),
    ("breeze-icon-theme", BRZ + "devices/64/input-mouse.svg", "mouse"),
    ("breeze-icon-theme", BRZ + "status/64/dialog-warning.svg", "warning|caution|alert|exclamation"),
    ("breeze-icon-theme", BRZ + "devices/64/drive-harddisk.svg", "disk|drive|hard drive|harddisk|storage"),
    ("tango-icon-theme", TNG + "status/weather-storm.svg", "storm|thunderstorm|lightning|cloud|rain"),
    ("tango-icon-theme", TNG + "status/weather-snow.svg", "snow|cloud|snowflake"),
    ("tango-icon-theme", TNG + "status/weather-clear.svg", "sun|sunny|clear"),
    ("tango-icon-theme", TNG + "devices/audio-input-microphone.svg", "microphone|mic"),
    ("tango-icon-theme", TNG + "actions/system-search.svg", "magnifying glass|magnifier|search|lens"),
    ("tango-icon-theme", TNG + "actions/edit-cut.svg", "scissors|cut"),
    ("tango-icon-theme", TNG + "actions/document-save.svg", "floppy|disk|diskette|save"),
    ("tango-icon-theme", TNG + "apps/internet-mail.svg", "mail|envelope|letter|email"),
    ("oxygen-icon-theme", OXY + "devices/computer.png", "computer|monitor|pc|desktop"),
    ("oxygen-icon-theme", OXY + "devices/media-optical.png", "cd|dvd|disc|disk"),
    ("oxygen-icon-theme", OXY + "devices/network-wireless.png", "wireless|wifi|wi fi|network|antenna|signal"),
]:
    theme = pkg.split("-")[0]
    allowed = "snow" if "snow" in gist else ""
    add(f"icon_{theme}_{Path(path).stem}", "icon", "icon", ("icon", pkg, path), gist, allowed=allowed)


# --- rendered: charts, diagrams, text photos, codes, memes ---------------------------------------
# Their recipes live in the makers below; the truth is written here next to the id.
CHARTS: dict[str, dict] = {
    "chart_bar_rainfall": dict(
        type="bar", title="Monthly Rainfall in Bergen", gist="bar|bars|column|columns; rainfall|rain"
    ),
    "chart_barh_languages": dict(
        type="barh", title="Most Spoken Languages", gist="bar|bars|column|columns; languages|language"
    ),
    "chart_grouped_sales": dict(
        type="grouped", title="Sales by Quarter", gist="bar|bars|column|columns; sales|quarter"
    ),
    "chart_stacked_energy": dict(
        type="stacked", title="Electricity Mix by Country", gist="bar|bars|column|columns; electricity|energy"
    ),
    "chart_bar_coffee": dict(
        type="bar2", title="Coffee Sales by Drink", gist="bar|bars|column|columns; coffee"
    ),
    "chart_line_visitors": dict(
        type="line", title="Website Visitors per Day", gist="line|lines|curve; visitors|visits|website"
    ),
    "chart_line_temperature": dict(
        type="line2",
        title="Average Temperature: Oslo vs Madrid",
        gist="line|lines|curve; temperature|temperatures",
    ),
    "chart_line_stock": dict(
        type="line3", title="ACME Corp Share Price", gist="line|lines|curve; share|price|stock"
    ),
    "chart_area_population": dict(
        type="area", title="Town Population 1900-2020", gist="area|line|lines|curve; population"
    ),
    "chart_line_battery": dict(
        type="line4", title="Battery Level Over Time", gist="line|lines|curve; battery"
    ),
    "chart_pie_budget": dict(type="pie", title="Household Budget", gist="pie|donut|doughnut; budget"),
    "chart_pie_browsers": dict(
        type="donut", title="Browser Market Share", gist="pie|donut|doughnut; browser|browsers|market"
    ),
    "chart_pie_transport": dict(
        type="pie2", title="How Staff Travel to Work", gist="pie|donut|doughnut; travel|work|commute"
    ),
    "chart_scatter_height": dict(
        type="scatter", title="Height vs Weight", gist="scatter|dots|points; height|weight"
    ),
    "chart_scatter_engine": dict(
        type="scatter2", title="Engine Size vs Fuel Economy", gist="scatter|dots|points; engine|fuel"
    ),
    "chart_hist_scores": dict(
        type="hist",
        title="Distribution of Exam Scores",
        gist="histogram|bar|bars; exam|scores|score",
    ),
    "chart_box_delivery": dict(
        type="box", title="Delivery Times by Courier", gist="box plot|boxplot|box|boxes; delivery"
    ),
    "chart_table_timetable": dict(
        type="table", title="Train Timetable", gist="table; train|trains|timetable"
    ),
    "chart_table_results": dict(
        type="table2", title="Quarterly Results", gist="table; results|quarterly|revenue"
    ),
}
for cid, spec in CHARTS.items():
    add(cid, "chart", "chart", ("chart", cid), spec["gist"])

DIAGRAMS: dict[str, str] = {
    "diagram_flow_password": "flowchart|flow chart|diagram|flow; password|reset",
    "diagram_org_company": (
        "organization chart|organisation chart|org chart|hierarchy|diagram|tree|chart; ceo|company"
    ),
    "diagram_network_home": "diagram|graph|network diagram; router|laptop|printer",
    "diagram_state_traffic": "diagram|state diagram|state machine|cycle|flowchart; traffic|light|red|green",
    "diagram_flow_umbrella": "flowchart|flow chart|decision|diagram|tree; umbrella|rain",
    "diagram_pipeline_order": "flowchart|flow chart|diagram|process|pipeline|steps; order|orders|payment",
    "diagram_mindmap_trip": "mind map|mindmap|diagram|map; trip|travel|holiday",
    "diagram_venn_pets": "venn|diagram|circles; cats|dogs|pets",
}
for did, gist in DIAGRAMS.items():
    add(did, "diagram", "diagram", ("diagram", did), gist)

TEXTS: dict[str, str] = {
    "text_street_sign": "main street|main; street",
    "text_bakery_sign": "bakery; bread|fresh",
    "text_caution_sign": "caution|wet; floor",
    "text_platform_sign": "platform; leeds|trains",
    "text_receipt_cafe": "cafe|cappuccino|croissant; total",
    "text_receipt_grocer": "grocer|apples|bananas|milk; total",
    "text_book_page": "rabbit|alice; chapter|sister|book",
    "text_notice_library": "library; closed|monday",
    "text_label_medicine": "ibuprofen; tablet|tablets|mg",
    "text_label_jam": "strawberry|jam",
    "text_menu_board": "specials|soup; chips|fish|soup",
    "text_name_badge": "hello; ada",
    "text_parking_sign": "parking; no",
}
for tid, gist in TEXTS.items():
    add(tid, "text_photo", "text", ("text", tid), gist)

CODES: dict[str, tuple[str, str, str]] = {
    # id: (symbology, payload, gist)
    "code_qr_menu": ("qr", "https://example.org/menu", "example.org/menu|example org menu"),
    "code_qr_wifi": ("qr", "WIFI:S:CafeGuest;T:WPA;P:coffee123;;", "cafeguest|wifi|wi fi|network"),
    "code_qr_text": ("qr", "Meet at gate 12", "gate 12|meet at gate"),
    "code_qr_poster": (
        "qr_poster",
        "https://example.com/tickets",
        "example.com/tickets|example com tickets",
    ),
    "code_ean13": ("ean13", "5901234123457", "5901234123457"),
    "code_code128": ("code128", "PARCEL-7731-XK", "parcel 7731|7731"),
    "code_ean13_label": ("ean13_label", "4006381333931", "4006381333931"),
    "code_upca": ("upca", "036000291452", "036000291452|036000291452"),
}
for cid, (_symbology, _payload, gist) in CODES.items():
    add(cid, "code", "code", ("code", cid), gist)

MEMES: dict[str, tuple[tuple, str, str, str, str]] = {
    # id: (photo recipe, top, bottom, gist, allowed)
    "meme_lemur": (
        ("rcc", "explore_world_animals", WORLD + "lemur.webp"),
        "WHEN THE ALARM RINGS",
        "FIVE MORE MINUTES",
        "lemur|lemurs|monkey|monkeys; alarm|minutes",
        "log, tree",
    ),
    "meme_moose": (
        ("rcc", "explore_world_animals", WORLD + "moose.webp"),
        "I'M NOT LAZY",
        "I'M ON ENERGY SAVING MODE",
        "moose|elk|deer; lazy|energy",
        "grass",
    ),
    "meme_bison": (
        ("rcc", "explore_world_animals", WORLD + "bison.webp"),
        "MONDAY MORNING",
        "BISON THROUGH IT",
        "bison|buffalo; monday|morning",
        "grass, field",
    ),
    "meme_goat": (
        ("cutout", TUX + "animals/mammals/bovines/goat.png"),
        "GREATEST",
        "OF ALL TIME",
        "goat; greatest|time",
        "",
    ),
    "meme_dragon_wifi": (
        ("rcc", "explore_world_animals", WORLD + "dragon.webp"),
        "WHEN THE WIFI",
        "DROPS FOR ONE SECOND",
        "lizard|dragon|komodo|reptile; wifi",
        "rock, rocks",
    ),
    "meme_penguin": (
        ("cutout", TUX + "animals/birds/magellanic_penguin.png"),
        "DRESS CODE: FORMAL",
        "ALWAYS READY",
        "penguin|bird; dress|formal|ready",
        "",
    ),
}
for mid, (_recipe, _top, _bottom, gist, allowed) in MEMES.items():
    add(mid, "meme", "meme", ("meme", mid), gist, allowed=allowed)


# ----------------------------------------------------------------------------------------------
# sources
# ----------------------------------------------------------------------------------------------


class Sources:
    """Pinned Debian packages, downloaded once into a cache and unpacked there."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self._rcc_loaded: set[str] = set()

    def root(self, pkg: str) -> Path:
        out = self.cache / "x" / pkg
        if not out.exists():
            version = DEBS[pkg][0]
            debs = self.cache / "debs"
            debs.mkdir(parents=True, exist_ok=True)
            found = [p for p in debs.glob(f"{pkg}_*.deb")]
            if not found:
                subprocess.run(["apt-get", "download", f"{pkg}={version}"], cwd=debs, check=True)
                found = list(debs.glob(f"{pkg}_*.deb"))
            tmp = out.with_suffix(".tmp")
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            subprocess.run(["dpkg-deb", "-x", str(found[0]), str(tmp)], check=True)
            tmp.rename(out)
        return out

    def file(self, pkg: str, path: str) -> bytes:
        return (self.root(pkg) / path).read_bytes()

    def rcc(self, name: str, path: str) -> bytes:
        """A file inside one of GComPris' Qt resource bundles (QResource reads them; no GUI needed)."""
        from PySide6.QtCore import QFile, QResource

        if name not in self._rcc_loaded:
            rcc = self.root("gcompris-qt-data") / GC_RCC / f"{name}.rcc"
            if not QResource.registerResource(str(rcc)):
                raise RuntimeError(f"cannot read {rcc}")
            self._rcc_loaded.add(name)
        f = QFile(path)
        if not f.open(QFile.OpenModeFlag.ReadOnly):
            raise FileNotFoundError(path)
        return bytes(f.readAll().data())


def deb_source(pkg: str, path: str, note: str = "") -> dict:
    version, licence = DEBS[pkg]
    out = {"package": pkg, "version": version, "path": path, "licence": licence}
    if note:
        out["recipe"] = note
    return out


def rendered_source(recipe: str) -> dict:
    return {"package": "(rendered)", "version": "", "recipe": recipe, "licence": RENDERED_LICENCE}


# ----------------------------------------------------------------------------------------------
# makers: each returns (image, source dict, photo?)
# ----------------------------------------------------------------------------------------------


def rng_for(key: str) -> np.random.Generator:
    digest = hashlib.sha256(f"{SEED}:{key}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def font_path(name: str) -> Path:
    """DejaVu from matplotlib's wheel: the same glyphs on every machine that installs the same version."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(name)), size)


def flatten(im: Image.Image, bg: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    im = im.convert("RGBA")
    base = Image.new("RGBA", im.size, (*bg, 255))
    base.alpha_composite(im)
    return base.convert("RGB")


def studio_background(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    """A plain, softly lit backdrop like a product photo's: one tone, a vertical gradient, fine noise."""
    tones = [
        (244, 244, 242),
        (226, 228, 230),
        (236, 228, 214),
        (218, 228, 238),
        (250, 250, 250),
        (205, 205, 200),
    ]
    tone = np.array(tones[int(rng.integers(len(tones)))], dtype=np.float32)
    w, h = size
    ramp = np.linspace(1.03, 0.88, h, dtype=np.float32)[:, None, None]
    arr = tone[None, None, :] * ramp + rng.normal(0, 2.0, (h, w, 1)).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def make_cutout(item: Item, src: Sources, path: str) -> tuple[Image.Image, dict, bool]:
    """A Tux Paint stamp (a photo cut out of its background) set on a studio backdrop with a soft shadow."""
    rng = rng_for(item.id)
    im = Image.open(io.BytesIO(src.file("tuxpaint-stamps-default", path))).convert("RGBA")
    im = im.crop(im.getchannel("A").getbbox())
    scale = min(2.0, 420 / max(im.size))
    if scale > 1:
        im = im.resize((round(im.width * scale), round(im.height * scale)), Image.Resampling.LANCZOS)
    margin = float(rng.uniform(0.12, 0.22))
    w = round(im.width / (1 - 2 * margin))
    h = round(im.height / (1 - 2 * margin))
    w, h = max(w, round(h * 1.2)), max(h, round(w * 0.6))  # landscape-ish frames, as a camera gives
    canvas = studio_background((w, h), rng).convert("RGBA")
    x, y = (w - im.width) // 2, (h - im.height) // 2 + round(h * 0.04)
    shadow = Image.new("RGBA", im.size, (0, 0, 0, 0))
    shadow.putalpha(im.getchannel("A").point(lambda a: a * 0.35))
    canvas.alpha_composite(shadow.filter(ImageFilter.GaussianBlur(8)), (x + 6, y + 8))
    canvas.alpha_composite(im, (x, y))
    note = f"cut-out photo on a studio backdrop (seeded {SEED}:{item.id})"
    return canvas.convert("RGB"), deb_source("tuxpaint-stamps-default", path, note), True


def make_deb(item: Item, src: Sources, pkg: str, path: str) -> tuple[Image.Image, dict, bool]:
    im = Image.open(io.BytesIO(src.file(pkg, path)))
    return flatten(im), deb_source(pkg, path), item.kind in ("photo", "painting")


def make_rcc(item: Item, src: Sources, rcc: str, path: str) -> tuple[Image.Image, dict, bool]:
    im = Image.open(io.BytesIO(src.rcc(rcc, path)))
    return flatten(im), deb_source("gcompris-qt-data", f"{GC_RCC}{rcc}.rcc{path}"), item.kind == "photo"


def make_painting(item: Item, src: Sources, board: int) -> tuple[Image.Image, dict, bool]:
    """GComPris ships each painting as jigsaw pieces with their centres in a board file: put them back."""
    base = GC + "paintings/resource/"
    qml = src.rcc("paintings", base + f"board/board{board}_0.qml").decode()
    width = int(re.search(r'"width":\s*(\d+)', qml).group(1))  # type: ignore[union-attr]
    height = int(re.search(r'"height":\s*(\d+)', qml).group(1))  # type: ignore[union-attr]
    title = re.search(r'qsTr\("(.*?)"\)', qml).group(1)  # type: ignore[union-attr]
    canvas = Image.new("RGBA", (width, height), (255, 255, 255, 255))
    pieces = re.findall(
        r'"pixmapfile"\s*:\s*"(image/[^"]+\.webp)",\s*"x"\s*:\s*"([\d.]+)",\s*"y"\s*:\s*"([\d.]+)"', qml
    )
    for name, x, y in pieces:
        piece = Image.open(io.BytesIO(src.rcc("paintings", base + name))).convert("RGBA")
        cx, cy = float(x) * width, float(y) * height
        canvas.alpha_composite(piece, (round(cx - piece.width / 2), round(cy - piece.height / 2)))
    rgb = canvas.convert("RGB")
    inverted = Image.eval(rgb, lambda v: 255 - v)
    rgb = rgb.crop(inverted.getbbox())
    note = f"{title}: {len(pieces)} jigsaw pieces placed at their centres from board{board}_0.qml"
    return rgb, deb_source("gcompris-qt-data", f"{GC_RCC}paintings.rcc{base}", note), True


def make_clipart(item: Item, src: Sources, path: str) -> tuple[Image.Image, dict, bool]:
    im = Image.open(io.BytesIO(src.file("openclipart-png", path))).convert("RGBA")
    im = im.crop(im.getchannel("A").getbbox())
    pad = round(max(im.size) * 0.08)
    out = Image.new("RGBA", (im.width + 2 * pad, im.height + 2 * pad), (255, 255, 255, 255))
    out.alpha_composite(im, (pad, pad))
    return out.convert("RGB"), deb_source("openclipart-png", path, "on white, 8% margin"), False


def make_icon(item: Item, src: Sources, pkg: str, path: str) -> tuple[Image.Image, dict, bool]:
    """An icon at a size people meet it at (96, 128 or 256 px, seeded), on white."""
    size = [96, 128, 256][int(rng_for(item.id).integers(3))]
    data = src.file(pkg, path)
    im: Image.Image
    if path.endswith(".svg"):
        import cairosvg

        im = Image.open(
            io.BytesIO(
                cairosvg.svg2png(
                    bytestring=data, output_width=size, output_height=size, url=str(src.root(pkg) / path)
                )
            )
        )
    else:
        im = Image.open(io.BytesIO(data)).convert("RGBA")
        im = im.resize((size, size), Image.Resampling.LANCZOS)
    return flatten(im), deb_source(pkg, path, f"rendered at {size} px on white"), False


# --- charts --------------------------------------------------------------------------------------


def make_chart(item: Item, src: Sources, cid: str) -> tuple[Image.Image, dict, bool]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    spec = CHARTS[cid]
    rng = rng_for(cid)
    styles = ["default", "ggplot", "seaborn-v0_8-whitegrid", "bmh", "fivethirtyeight"]
    style = styles[int(rng.integers(len(styles)))]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    kind = spec["type"]
    values: dict = {}
    with plt.style.context(style):
        fig, ax = plt.subplots(figsize=(6.4, 4.4), dpi=100)
        if kind == "bar":
            v = np.round(rng.uniform(140, 290, 12)).astype(int)
            ax.bar(months, v, color="#3b78b0")
            ax.set_xlabel("Month")
            ax.set_ylabel("Rainfall (mm)")
            values = dict(zip(months, v.tolist(), strict=True))
        elif kind == "barh":
            langs = ["English", "Mandarin", "Hindi", "Spanish", "French", "Arabic"]
            speakers = [1456, 1138, 610, 559, 310, 274]
            ax.barh(langs[::-1], speakers[::-1], color="#d9822b")
            ax.set_xlabel("Speakers (millions)")
            values = dict(zip(langs, speakers, strict=True))
        elif kind == "grouped":
            q = ["Q1", "Q2", "Q3", "Q4"]
            a, b = rng.integers(40, 90, 4), rng.integers(50, 100, 4)
            x = np.arange(4)
            ax.bar(x - 0.2, a, 0.4, label="2023")
            ax.bar(x + 0.2, b, 0.4, label="2024")
            ax.set_xticks(x, q)
            ax.set_ylabel("Sales (k$)")
            ax.legend()
            values = {"2023": a.tolist(), "2024": b.tolist()}
        elif kind == "stacked":
            countries = ["Norway", "France", "Germany", "Poland"]
            hydro, nuclear, fossil = [88, 11, 4, 2], [0, 65, 6, 0], [2, 9, 45, 70]
            ax.bar(countries, hydro, label="Hydro")
            ax.bar(countries, nuclear, bottom=hydro, label="Nuclear")
            ax.bar(countries, fossil, bottom=np.add(hydro, nuclear), label="Fossil")
            ax.set_ylabel("Share of electricity (%)")
            ax.legend()
            values = {"hydro": hydro, "nuclear": nuclear, "fossil": fossil}
        elif kind == "bar2":
            drinks = ["Latte", "Espresso", "Cappuccino", "Mocha", "Americano"]
            v = rng.integers(80, 400, 5)
            ax.bar(drinks, v, color=["#6f4e37", "#a0522d", "#c89f7a", "#4b3621", "#8b5a2b"])
            ax.set_ylabel("Cups sold")
            values = dict(zip(drinks, v.tolist(), strict=True))
        elif kind == "line":
            days = np.arange(1, 31)
            v = np.round(1200 + days * 35 + rng.normal(0, 90, 30)).astype(int)
            ax.plot(days, v, marker="o", markersize=3)
            ax.set_xlabel("Day of month")
            ax.set_ylabel("Visitors")
            values = {"first": int(v[0]), "last": int(v[-1]), "trend": "rising"}
        elif kind == "line2":
            oslo = [-4, -4, 0, 5, 11, 15, 17, 16, 11, 6, 1, -3]
            madrid = [6, 8, 11, 13, 17, 23, 26, 26, 21, 15, 10, 7]
            ax.plot(months, oslo, marker="o", label="Oslo")
            ax.plot(months, madrid, marker="s", label="Madrid")
            ax.set_ylabel("Temperature (°C)")
            ax.legend()
            values = {"Oslo": oslo, "Madrid": madrid}
        elif kind == "line3":
            v = np.round(50 * np.exp(np.cumsum(rng.normal(-0.004, 0.02, 120))), 2)
            ax.plot(np.arange(120), v, color="#2a9d8f")
            ax.set_xlabel("Trading day")
            ax.set_ylabel("Price (USD)")
            values = {"first": float(v[0]), "last": float(v[-1])}
        elif kind == "area":
            years = np.arange(1900, 2021, 10)
            v = np.round(2000 * np.exp((years - 1900) / 80)).astype(int)
            ax.fill_between(years, v, alpha=0.5)
            ax.plot(years, v)
            ax.set_xlabel("Year")
            ax.set_ylabel("Population")
            values = dict(zip(years.tolist(), v.tolist(), strict=True))
        elif kind == "line4":
            hours = np.arange(0, 13)
            v = np.clip(100 - hours * 7.5 + rng.normal(0, 1.5, 13), 0, 100).round(1)
            ax.plot(hours, v, color="#e76f51", marker=".")
            ax.set_xlabel("Hours")
            ax.set_ylabel("Battery (%)")
            values = {"first": float(v[0]), "last": float(v[-1]), "trend": "falling"}
        elif kind in ("pie", "donut", "pie2"):
            if kind == "pie":
                labels, shares = ["Rent", "Food", "Transport", "Savings", "Other"], [40, 22, 12, 15, 11]
            elif kind == "donut":
                labels, shares = ["Chrome", "Safari", "Firefox", "Edge", "Other"], [64, 19, 4, 5, 8]
            else:
                labels, shares = ["Car", "Bus", "Bicycle", "Walking", "Train"], [35, 20, 18, 12, 15]
            wedge = {"width": 0.4} if kind == "donut" else None
            ax.pie(shares, labels=labels, autopct="%d%%", startangle=90, wedgeprops=wedge)
            ax.axis("equal")
            values = dict(zip(labels, shares, strict=True))
        elif kind == "scatter":
            h = rng.normal(172, 9, 60)
            w = 0.9 * (h - 100) + rng.normal(0, 7, 60)
            ax.scatter(h, w, alpha=0.7)
            ax.set_xlabel("Height (cm)")
            ax.set_ylabel("Weight (kg)")
            values = {"n": 60, "correlation": "positive"}
        elif kind == "scatter2":
            e = rng.uniform(1.0, 5.0, 50)
            m = 55 - 7 * e + rng.normal(0, 3, 50)
            ax.scatter(e, m, c="#9b2226", alpha=0.7)
            ax.set_xlabel("Engine size (litres)")
            ax.set_ylabel("Miles per gallon")
            values = {"n": 50, "correlation": "negative"}
        elif kind == "hist":
            s = np.clip(rng.normal(68, 12, 300), 0, 100)
            ax.hist(s, bins=15, color="#577590", edgecolor="white")
            ax.set_xlabel("Score")
            ax.set_ylabel("Students")
            values = {"n": 300, "mean": round(float(s.mean()), 1)}
        elif kind == "box":
            data = [rng.normal(mu, sd, 80) for mu, sd in [(2.1, 0.5), (3.0, 0.9), (1.6, 0.3)]]
            ax.boxplot(data)
            ax.set_xticks([1, 2, 3], ["SpeedyPost", "ParcelGo", "QuickShip"])
            ax.set_ylabel("Days")
            values = {"medians": [round(float(np.median(d)), 2) for d in data]}
        elif kind in ("table", "table2"):
            ax.axis("off")
            if kind == "table":
                cols = ["Train", "To", "Departs", "Platform"]
                rows = [
                    ["IC 101", "York", "08:15", "4"],
                    ["IC 105", "Leeds", "09:02", "2"],
                    ["RE 311", "Hull", "09:40", "5"],
                    ["IC 109", "Durham", "10:15", "1"],
                    ["RE 317", "Selby", "11:05", "3"],
                ]
            else:
                cols = ["Quarter", "Revenue", "Costs", "Profit"]
                rows = [
                    ["Q1", "$1.2M", "$0.9M", "$0.3M"],
                    ["Q2", "$1.5M", "$1.0M", "$0.5M"],
                    ["Q3", "$1.4M", "$1.1M", "$0.3M"],
                    ["Q4", "$1.9M", "$1.2M", "$0.7M"],
                ]
            table = ax.table(cellText=rows, colLabels=cols, loc="center", cellLoc="center")
            table.scale(1, 1.8)
            table.set_fontsize(12)
            values = {"columns": cols, "rows": rows}
        ax.set_title(spec["title"], fontsize=14)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        plt.close(fig)
    im = Image.open(buf).convert("RGB")
    recipe = (
        f"matplotlib {matplotlib.__version__} style '{style}': {kind} chart '{spec['title']}'"
        f" values {json.dumps(values)}"
    )
    return im, rendered_source(recipe), False


# --- diagrams (graphviz, or matplotlib for the Venn) ----------------------------------------------

DOT = {
    "diagram_flow_password": """digraph G { rankdir=TB; label="Password Reset"; labelloc=t; fontsize=20;
        node [fontname="DejaVu Sans"]; s [label="Start", shape=ellipse]; a [label="Enter email", shape=box];
        b [label="Account found?", shape=diamond]; c [label="Send reset link", shape=box];
        d [label="Show error", shape=box]; e [label="End", shape=ellipse];
        s->a->b; b->c [label="yes"]; b->d [label="no"]; c->e; d->a; }""",
    "diagram_org_company": """digraph G { label="Company Structure"; labelloc=t; fontsize=20;
        node [shape=box, style=filled, fillcolor="#dbe9f6", fontname="DejaVu Sans"];
        CEO -> {CTO; CFO; COO}; CTO -> {"Engineering"; "IT Support"}; CFO -> {"Accounting"};
        COO -> {"Sales"; "Customer Service"}; }""",
    "diagram_network_home": """graph G { label="Home Network"; labelloc=t; fontsize=20; layout=neato;
        overlap=false;
        node [shape=box, style=rounded, fontname="DejaVu Sans"]; Internet [shape=ellipse];
        Internet -- Router; Router -- Laptop; Router -- Printer; Router -- "Smart TV"; Router -- Phone; }""",
    "diagram_state_traffic": """digraph G { rankdir=LR; label="Traffic Light States"; labelloc=t; fontsize=20;
        node [shape=circle, style=filled, fontname="DejaVu Sans", width=1.1];
        Red [fillcolor="#e63946"]; Green [fillcolor="#2a9d8f"]; Yellow [fillcolor="#f4d35e"];
        Red -> Green [label="30 s"]; Green -> Yellow [label="25 s"]; Yellow -> Red [label="5 s"]; }""",
    "diagram_flow_umbrella": """digraph G { label="Should I Take an Umbrella?"; labelloc=t; fontsize=20;
        node [fontname="DejaVu Sans"]; q1 [label="Is it raining?", shape=diamond];
        q2 [label="Rain forecast?", shape=diamond];
        y [label="Take umbrella", shape=box, style=filled, fillcolor="#ccddee"];
        n [label="Leave it at home", shape=box]; q1 -> y [label="yes"]; q1 -> q2 [label="no"];
        q2 -> y [label="yes"]; q2 -> n [label="no"]; }""",
    "diagram_pipeline_order": """digraph G { rankdir=TB; label="Order Fulfilment"; labelloc=t; fontsize=20;
        node [shape=box, style="rounded,filled", fillcolor="#fde2b6", fontname="DejaVu Sans"];
        "Order placed" -> "Payment" -> "Packing" -> "Shipping" -> "Delivered"; }""",
    "diagram_mindmap_trip": """graph G { label="Trip Planning"; labelloc=t; fontsize=20; layout=twopi; root=T;
        node [fontname="DejaVu Sans", style=filled, fillcolor="#e9f5db"];
        T [label="Summer Trip", shape=ellipse, fillcolor="#b5e48c"];
        T -- {Budget; Tickets; Hotel; Packing; Activities}; Packing -- {Clothes; Charger};
        Activities -- {Museum; Hiking}; }""",
}


def make_diagram(item: Item, src: Sources, did: str) -> tuple[Image.Image, dict, bool]:
    if did == "diagram_venn_pets":
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.patches import Circle

        fig, ax = plt.subplots(figsize=(6, 4.2), dpi=100)
        ax.add_patch(Circle((0.38, 0.45), 0.3, alpha=0.45, color="#e76f51"))
        ax.add_patch(Circle((0.62, 0.45), 0.3, alpha=0.45, color="#2a9d8f"))
        ax.text(0.25, 0.45, "Cats\nindependent\npurr", ha="center", va="center", fontsize=12)
        ax.text(0.75, 0.45, "Dogs\nloyal\nbark", ha="center", va="center", fontsize=12)
        ax.text(0.5, 0.45, "Pets\nfurry", ha="center", va="center", fontsize=11)
        ax.set_title("Cats and Dogs", fontsize=15)
        ax.set_xlim(0, 1)
        ax.set_ylim(0.05, 0.85)
        ax.set_aspect("equal")
        ax.axis("off")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches="tight")
        plt.close(fig)
        return (
            Image.open(buf).convert("RGB"),
            rendered_source(f"matplotlib {matplotlib.__version__}: Venn diagram 'Cats and Dogs'"),
            False,
        )
    dot = DOT[did]
    png = subprocess.run(
        ["dot", "-Tpng", "-Gdpi=96"], input=dot.encode(), capture_output=True, check=True
    ).stdout
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    return flatten(Image.open(io.BytesIO(png))), rendered_source(f"{version}: {' '.join(dot.split())}"), False


# --- photos of text -------------------------------------------------------------------------------


def perspective(im: Image.Image, rng: np.random.Generator, strength: float) -> Image.Image:
    """Tilt a flat rendering as a hand-held camera would (corners moved by up to strength x size)."""
    w, h = im.size
    d = strength * min(w, h)
    dst = [(0, 0), (w, 0), (w, h), (0, h)]
    src = [(x + float(rng.uniform(-d, d)), y + float(rng.uniform(-d, d))) for x, y in dst]
    a, b = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    coeffs = np.linalg.solve(np.array(a, float), np.array(b, float))
    out = im.transform((w, h), Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BICUBIC)
    m = math.ceil(d)  # the corners the tilt leaves empty are cut off, as a camera's frame would
    return out.crop((m, m, w - m, h - m))


def camera_finish(im: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Uneven light, a little blur and sensor noise: what separates a photo from a render."""
    w, h = im.size
    arr = np.asarray(im.convert("RGB"), dtype=np.float32)
    gx = np.linspace(float(rng.uniform(0.8, 1.0)), float(rng.uniform(0.95, 1.1)), w, dtype=np.float32)
    gy = np.linspace(float(rng.uniform(0.9, 1.05)), float(rng.uniform(0.8, 1.0)), h, dtype=np.float32)
    arr = arr * gy[:, None, None] * gx[None, :, None] + rng.normal(0, 4, arr.shape).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.4, 0.9))))


def surface(size: tuple[int, int], kind: str, rng: np.random.Generator) -> Image.Image:
    """Backgrounds a text is photographed on: wood (a table), brick or plaster (a wall), sky."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "wood":
        grain = np.sin(xx / 7 + 3 * np.sin(yy / 60)) * 12 + rng.normal(0, 6, (h, w))
        base = np.array([150, 105, 65], np.float32)
        arr = base[None, None, :] + grain[..., None]
    elif kind == "brick":
        arr = np.zeros((h, w, 3), np.float32) + np.array([160, 75, 55], np.float32)
        mortar = ((yy % 36) < 4) | (((xx + 40 * ((yy // 36) % 2)) % 80) < 4)
        arr[mortar] = (190, 185, 175)
        arr += rng.normal(0, 10, (h, w, 1))
    elif kind == "sky":
        top, bottom = np.array([110, 160, 215], np.float32), np.array([190, 215, 240], np.float32)
        t = (yy / h)[..., None]
        arr = top * (1 - t) + bottom * t
    else:  # plaster
        arr = (
            np.zeros((h, w, 3), np.float32)
            + np.array([225, 220, 205], np.float32)
            + rng.normal(0, 7, (h, w, 1))
        )
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


TEXT_SPECS: dict[str, dict] = {
    "text_street_sign": dict(
        bg="sky",
        panel=(0, 110, 60),
        ink=(255, 255, 255),
        size=(520, 150),
        lines=[("Main Street", "DejaVuSans-Bold.ttf", 64)],
        border=True,
    ),
    "text_bakery_sign": dict(
        bg="brick",
        panel=(250, 240, 215),
        ink=(120, 60, 20),
        size=(520, 220),
        lines=[("BAKERY", "DejaVuSerif-Bold.ttf", 72), ("Fresh Bread Daily", "DejaVuSerif-Italic.ttf", 36)],
    ),
    "text_caution_sign": dict(
        bg="plaster",
        panel=(250, 210, 20),
        ink=(0, 0, 0),
        size=(360, 440),
        lines=[
            ("CAUTION", "DejaVuSans-Bold.ttf", 58),
            ("WET", "DejaVuSans-Bold.ttf", 72),
            ("FLOOR", "DejaVuSans-Bold.ttf", 72),
        ],
    ),
    "text_platform_sign": dict(
        bg="brick",
        panel=(20, 40, 100),
        ink=(255, 255, 255),
        size=(560, 190),
        lines=[("Platform 4", "DejaVuSans-Bold.ttf", 56), ("Trains to Leeds", "DejaVuSans.ttf", 40)],
    ),
    "text_receipt_cafe": dict(
        bg="wood",
        panel=(250, 250, 246),
        ink=(30, 30, 30),
        size=(300, 520),
        mono=True,
        lines=[
            ("CORNER CAFE", "DejaVuSansMono-Bold.ttf", 26),
            ("12 High St", "DejaVuSansMono.ttf", 18),
            ("", "DejaVuSansMono.ttf", 12),
            ("Cappuccino    3.20", "DejaVuSansMono.ttf", 20),
            ("Croissant     2.50", "DejaVuSansMono.ttf", 20),
            ("Orange juice  4.00", "DejaVuSansMono.ttf", 20),
            ("", "DejaVuSansMono.ttf", 12),
            ("TOTAL         9.70", "DejaVuSansMono-Bold.ttf", 22),
            ("CARD          9.70", "DejaVuSansMono.ttf", 20),
            ("Thank you!", "DejaVuSansMono.ttf", 20),
        ],
    ),
    "text_receipt_grocer": dict(
        bg="wood",
        panel=(246, 246, 240),
        ink=(40, 40, 40),
        size=(300, 500),
        mono=True,
        lines=[
            ("GREEN GROCER", "DejaVuSansMono-Bold.ttf", 26),
            ("", "DejaVuSansMono.ttf", 12),
            ("Apples 1kg    2.40", "DejaVuSansMono.ttf", 20),
            ("Bananas       1.10", "DejaVuSansMono.ttf", 20),
            ("Milk 1L       0.95", "DejaVuSansMono.ttf", 20),
            ("Bread         1.80", "DejaVuSansMono.ttf", 20),
            ("", "DejaVuSansMono.ttf", 12),
            ("TOTAL         6.25", "DejaVuSansMono-Bold.ttf", 22),
            ("CASH         10.00", "DejaVuSansMono.ttf", 20),
            ("CHANGE        3.75", "DejaVuSansMono.ttf", 20),
        ],
    ),
    "text_book_page": dict(
        bg="wood",
        panel=(245, 238, 220),
        ink=(25, 25, 25),
        size=(440, 560),
        wrap=34,
        lines=[
            ("CHAPTER I", "DejaVuSerif-Bold.ttf", 26),
            ("Down the Rabbit-Hole", "DejaVuSerif-Italic.ttf", 22),
            (
                "Alice was beginning to get very tired of sitting by her sister on the bank, and of having "
                "nothing to do: once or twice she had peeped into the book her sister was reading, "
                "but it had "
                "no pictures or conversations in it, and what is the use of a book, thought Alice, without "
                "pictures or conversations?",
                "DejaVuSerif.ttf",
                19,
            ),
        ],
    ),
    "text_notice_library": dict(
        bg="plaster",
        panel=(255, 255, 255),
        ink=(20, 20, 20),
        size=(420, 520),
        wrap=28,
        lines=[
            ("NOTICE", "DejaVuSans-Bold.ttf", 48),
            (
                "The library will be closed on Monday 3 June for cleaning. Books may be "
                "returned through the slot by the door.",
                "DejaVuSans.ttf",
                22,
            ),
        ],
    ),
    "text_label_medicine": dict(
        bg="plaster",
        panel=(255, 255, 255),
        ink=(10, 40, 110),
        size=(460, 260),
        lines=[
            ("IBUPROFEN", "DejaVuSans-Bold.ttf", 50),
            ("200 mg tablets", "DejaVuSans.ttf", 30),
            ("Take one tablet every 6 hours.", "DejaVuSans.ttf", 22),
            ("16 tablets", "DejaVuSans.ttf", 22),
        ],
    ),
    "text_label_jam": dict(
        bg="wood",
        panel=(255, 248, 230),
        ink=(160, 20, 40),
        size=(420, 260),
        lines=[
            ("Strawberry", "DejaVuSerif-BoldItalic.ttf", 54),
            ("JAM", "DejaVuSerif-Bold.ttf", 48),
            ("340 g", "DejaVuSerif.ttf", 26),
        ],
    ),
    "text_menu_board": dict(
        bg="brick",
        panel=(35, 40, 38),
        ink=(240, 240, 230),
        size=(440, 500),
        lines=[
            ("Today's Specials", "DejaVuSerif-BoldItalic.ttf", 38),
            ("", "DejaVuSans.ttf", 10),
            ("Tomato Soup   4.50", "DejaVuSans.ttf", 28),
            ("Fish & Chips  9.00", "DejaVuSans.ttf", 28),
            ("Apple Pie     3.80", "DejaVuSans.ttf", 28),
        ],
    ),
    "text_name_badge": dict(
        bg="plaster",
        panel=(220, 30, 40),
        ink=(255, 255, 255),
        size=(420, 300),
        badge=True,
        lines=[
            ("HELLO", "DejaVuSans-Bold.ttf", 60),
            ("my name is", "DejaVuSans.ttf", 30),
            ("Ada", "DejaVuSerif-BoldItalic.ttf", 70),
        ],
    ),
    "text_parking_sign": dict(
        bg="sky",
        panel=(255, 255, 255),
        ink=(200, 20, 30),
        size=(340, 440),
        border=True,
        lines=[
            ("NO", "DejaVuSans-Bold.ttf", 90),
            ("PARKING", "DejaVuSans-Bold.ttf", 54),
            ("8am - 6pm", "DejaVuSans.ttf", 40),
        ],
    ),
}


def wrap_text(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]


def make_text(item: Item, src: Sources, tid: str) -> tuple[Image.Image, dict, bool]:
    spec = TEXT_SPECS[tid]
    rng = rng_for(tid)
    pw, ph = spec["size"]
    panel = Image.new("RGB", (pw, ph), spec["panel"])
    d = ImageDraw.Draw(panel)
    lines: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for text, fname, size in spec["lines"]:
        f = font(fname, size)
        for part in (
            wrap_text(text, spec["wrap"]) if spec.get("wrap") and len(text) > spec["wrap"] else [text]
        ):
            lines.append((part, f))
    heights = [f.getbbox("Ag")[3] + 8 for _, f in lines]
    y = (ph - sum(heights)) / 2
    for (text, f), lh in zip(lines, heights, strict=True):
        tw = d.textlength(text, font=f)
        x = 24 if spec.get("mono") or spec.get("wrap") else (pw - tw) / 2
        if spec.get("badge") and text == "Ada":
            d.rectangle([14, y - 6, pw - 14, ph - 30], fill=(255, 255, 255))
            d.text(((pw - tw) / 2, y), text, font=f, fill=(20, 20, 20))
        else:
            d.text((x, y), text, font=f, fill=spec["ink"])
        y += lh
    if spec.get("border"):
        d.rectangle([6, 6, pw - 7, ph - 7], outline=spec["ink"], width=5)
    # place the panel on its surface, tilted, and photograph it
    W, H = round(pw * 1.45), round(ph * 1.35)
    scene = surface((W, H), spec["bg"], rng).convert("RGBA")
    angle = float(rng.uniform(-7, 7))
    rotated = panel.convert("RGBA").rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    shadow = Image.new("RGBA", rotated.size, (0, 0, 0, 0))
    shadow.putalpha(rotated.getchannel("A").point(lambda a: a * 0.4))
    x0, y0 = (W - rotated.width) // 2, (H - rotated.height) // 2
    scene.alpha_composite(shadow.filter(ImageFilter.GaussianBlur(6)), (x0 + 8, y0 + 10))
    scene.alpha_composite(rotated, (x0, y0))
    photo = camera_finish(perspective(scene.convert("RGB"), rng, 0.06), rng)
    text = " / ".join(t for t, _, _ in spec["lines"] if t)
    recipe = (
        f"rendered {spec['bg']} scene, DejaVu fonts, tilt {angle:.1f} deg, perspective, blur, noise;"
        f" text: {text}"
    )
    item.allowed = sorted(set(item.allowed) | set(re.findall(r"[a-z]+", text.lower())))
    return photo, rendered_source(recipe), True


# --- codes ----------------------------------------------------------------------------------------


def barcode_image(symbology: str, payload: str) -> Image.Image:
    import barcode
    from barcode.writer import ImageWriter

    cls = barcode.get_barcode_class(
        {"ean13": "ean13", "ean13_label": "ean13", "upca": "upca", "code128": "code128"}[symbology]
    )
    writer = ImageWriter()
    writer.font_path = str(font_path("DejaVuSans.ttf"))
    buf = io.BytesIO()
    cls(payload, writer=writer).write(
        buf, options={"module_height": 18.0, "font_size": 12, "quiet_zone": 4.0, "dpi": 200}
    )
    return Image.open(buf).convert("RGB")


def qr_image(payload: str, scale: int = 8) -> Image.Image:
    import segno

    buf = io.BytesIO()
    segno.make_qr(payload, error="m").save(buf, kind="png", scale=scale, border=4)
    return Image.open(buf).convert("RGB")


def make_code(item: Item, src: Sources, cid: str) -> tuple[Image.Image, dict, bool]:
    import segno

    symbology, payload, _ = CODES[cid]
    rng = rng_for(cid)
    photo = False
    if symbology == "qr":
        im = qr_image(payload)
        how = f"segno {segno.__version__} QR, error level M, scale 8"
    elif symbology == "qr_poster":
        qr = qr_image(payload, scale=5)
        poster = Image.new("RGB", (420, 560), (250, 246, 236))
        d = ImageDraw.Draw(poster)
        d.text(
            (210, 60), "SUMMER CONCERT", font=font("DejaVuSans-Bold.ttf", 34), fill=(150, 30, 60), anchor="mm"
        )
        d.text(
            (210, 110), "Scan for tickets", font=font("DejaVuSans.ttf", 24), fill=(40, 40, 40), anchor="mm"
        )
        poster.paste(qr, ((420 - qr.width) // 2, 150))
        scene = surface((560, 680), "brick", rng)
        scene.paste(poster, (70, 60))
        im = camera_finish(perspective(scene, rng, 0.05), rng)
        item.allowed = sorted(set(item.allowed) | {"summer", "concert", "scan", "tickets", "poster"})
        how = (
            f"segno {segno.__version__} QR on a rendered poster on a brick wall,"
            " photographed (perspective, blur, noise)"
        )
        photo = True
    else:
        import barcode as barcode_pkg

        im = barcode_image(symbology, payload)
        how = f"python-barcode {barcode_pkg.version} {symbology.split('_')[0].upper()}"
        if symbology == "ean13_label":
            label = Image.new("RGB", (im.width + 60, im.height + 110), (255, 255, 255))
            ImageDraw.Draw(label).text(
                (30, 20), "Organic Oat Flakes 500 g", font=font("DejaVuSans-Bold.ttf", 30), fill=(30, 30, 30)
            )
            label.paste(im, (30, 80))
            scene = surface((label.width + 160, label.height + 160), "wood", rng)
            scene.paste(label, (80, 80))
            im = camera_finish(perspective(scene, rng, 0.04), rng)
            item.allowed = sorted(set(item.allowed) | {"organic", "oat", "oats", "flakes", "label"})
            how += " on a rendered product label on wood, photographed (perspective, blur, noise)"
            photo = True
    return im, rendered_source(f"{how}; payload {payload!r}"), photo


# --- memes ----------------------------------------------------------------------------------------


def make_meme(item: Item, src: Sources, mid: str) -> tuple[Image.Image, dict, bool]:
    """The classic image macro: a photo, bold white capitals with a black outline at top and bottom."""
    recipe, top, bottom, _, _ = MEMES[mid]
    im, source, _ = MAKERS[recipe[0]](item, src, *recipe[1:])
    im = fit(im)
    d = ImageDraw.Draw(im)
    for text, anchor_y, anchor in ((top, 0.09, "mt"), (bottom, 0.91, "mb")):
        size = 48
        while size > 16:
            f = font("DejaVuSans-Bold.ttf", size)
            if d.textlength(text, font=f) < im.width * 0.92:
                break
            size -= 2
        y = round(im.height * anchor_y)
        d.text(
            (im.width / 2, y),
            text,
            font=f,
            fill="white",
            stroke_width=max(2, size // 12),
            stroke_fill="black",
            anchor=anchor,
        )
    item.allowed = sorted(set(item.allowed) | set(re.findall(r"[a-z]+", f"{top} {bottom}".lower())))
    source = dict(source)
    source["recipe"] = (
        source.get("recipe", "") + f"; meme text (DejaVu Sans Bold, outlined): {top!r} / {bottom!r}"
    ).lstrip("; ")
    return im, source, True


MAKERS: dict[str, Callable[..., tuple[Image.Image, dict, bool]]] = {
    "cutout": lambda item, src, path: make_cutout(item, src, path),
    "deb": make_deb,
    "rcc": make_rcc,
    "painting": make_painting,
    "clipart": make_clipart,
    "icon": make_icon,
    "chart": make_chart,
    "diagram": make_diagram,
    "text": make_text,
    "code": make_code,
    "meme": make_meme,
}


# ----------------------------------------------------------------------------------------------
# split, save, write
# ----------------------------------------------------------------------------------------------


def assign_split(items: list[Item]) -> None:
    """Half A (tune) / half B (report), balanced by kind and topic.

    Within each (kind, group), pictures are ordered by sha256(id) and dealt A, B, A, B, ...; the
    first letter dealt alternates from one (kind, group) to the next in sorted order, so odd-sized
    groups do not all lean towards A.
    """
    buckets: dict[tuple[str, str], list[Item]] = {}
    for it in items:
        buckets.setdefault((it.kind, it.group), []).append(it)
    start = 0
    for key in sorted(buckets):
        members = sorted(buckets[key], key=lambda it: hashlib.sha256(it.id.encode()).hexdigest())
        for i, it in enumerate(members):
            it.split = "AB"[(i + start) % 2]
        if len(members) % 2:
            start = 1 - start


def fit(im: Image.Image) -> Image.Image:
    if max(im.size) > MAX_SIDE:
        s = MAX_SIDE / max(im.size)
        im = im.resize((max(1, round(im.width * s)), max(1, round(im.height * s))), Image.Resampling.LANCZOS)
    return im


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "assistant" / "wild-src")
    parser.add_argument(
        "--only", nargs="*", help="rebuild only these ids (truth/sources still written whole)"
    )
    args = parser.parse_args()
    ids = [it.id for it in CATALOGUE]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        sys.exit(f"duplicate ids: {sorted(dupes)}")
    src = Sources(args.cache)
    assign_split(CATALOGUE)
    IMAGES.mkdir(parents=True, exist_ok=True)
    truth, sources = {}, {}
    for it in CATALOGUE:
        im, source, photo = MAKERS[it.recipe[0]](it, src, *it.recipe[1:])
        im = fit(im.convert("RGB"))
        name = f"{it.id}.jpg" if photo else f"{it.id}.png"
        if not args.only or it.id in args.only:
            for old in IMAGES.glob(f"{it.id}.*"):
                old.unlink()
            if photo:
                im.save(IMAGES / name, quality=85, optimize=True)
            else:
                im.save(IMAGES / name, optimize=True)
        truth[name] = {
            "id": it.id,
            "kind": it.kind,
            "group": it.group,
            "split": it.split,
            "gist": it.gist,
            "false": it.false,
            "allowed": it.allowed,
        }
        sources[name] = {"id": it.id, **source}
        print(f"{it.split} {it.kind:10s} {name:45s} {im.width}x{im.height}", flush=True)
    stale = {p.name for p in IMAGES.iterdir()} - set(truth)
    for name in stale:
        (IMAGES / name).unlink()
    (HERE / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
    (HERE / "sources.json").write_text(json.dumps(sources, indent=1, ensure_ascii=False) + "\n")
    size = sum(p.stat().st_size for p in IMAGES.iterdir())
    print(f"{len(truth)} pictures, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
