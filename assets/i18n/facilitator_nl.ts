<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../facilitator/ui/about_dialog.py" line="+47"/>
        <source>About {name}</source>
        <translation>Over {name}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Runs Liberating Structures workshops: timed steps, rounds and speaking turns, bells at every transition, the question large on the projector.</source>
        <translation>Begeleidt workshops met Liberating Structures: getimede stappen, rondes en spreekbeurten, een bel bij elke overgang, de vraag groot op de projector.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Free software under the MIT licence: copy it onto every laptop, adapt it and share it on. The licence texts are in the assets/licenses folder of the app.</source>
        <translation>Vrije software onder de MIT-licentie: zet hem op elke laptop, pas hem aan en geef hem door. De licentieteksten staan in de map assets/licenses van de app.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>About Qt</source>
        <translation>Over Qt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Credits</source>
        <translation>Bronvermelding</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The structures are {structures}. Every text in this app is written in our own words; each structure names whom it comes from:</source>
        <translation>De werkvormen zijn {structures}. Elke tekst in deze app is in onze eigen woorden geschreven; bij elke werkvorm staat van wie hij komt:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The bells (tingsha, chime, warning tones and end signal) are our own synthesised sounds, made by tools/make_bells.py: no one else&apos;s recordings.</source>
        <translation>De bellen (tingsha, klokje, waarschuwingstonen en eindsignaal) zijn onze eigen gesynthetiseerde klanken, gemaakt met tools/make_bells.py: geen opnamen van anderen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Qt and Qt for Python</source>
        <translation>Qt en Qt for Python</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This app uses Qt {qt} and Qt for Python (PySide6 {pyside}) under the GNU Lesser General Public License version 3 (LGPL 3), and FFmpeg, through Qt Multimedia, under the LGPL 2.1 or later. They are used unmodified, as separate shared libraries that you may replace with your own build. Their sources are at download.qt.io and ffmpeg.org; the licence texts are in the assets/licenses folder of the app.</source>
        <translation>Deze app gebruikt Qt {qt} en Qt for Python (PySide6 {pyside}) onder de GNU Lesser General Public License versie 3 (LGPL 3), en FFmpeg, via Qt Multimedia, onder de LGPL 2.1 of later. Ze worden ongewijzigd gebruikt, als aparte gedeelde bibliotheken die u door een eigen build mag vervangen. Hun broncode staat op download.qt.io en ffmpeg.org; de licentieteksten staan in de map assets/licenses van de app.</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../../facilitator/ui/agenda_panel.py" line="+51"/>
        <source>Agenda</source>
        <translation>Tijdschema</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected</source>
        <translation>Verwacht</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{minutes} min behind</source>
        <translation>{minutes} min achter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} min ahead</source>
        <translation>{minutes} min voor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on time</source>
        <translation>op schema</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Starts when you press Start</source>
        <translation>Begint als je op Starten drukt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Planned finish {planned} · expected {expected}</source>
        <translation>Gepland einde {planned} · verwacht {expected}</translation>
    </message>
</context>
<context>
    <name>BellPlayer</name>
    <message>
        <location filename="../../facilitator/platform/audio.py" line="+95"/>
        <source>The sound output was disconnected, and no other one was found.</source>
        <translation>De geluidsuitgang is losgekoppeld en er is geen andere gevonden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sound output was found (no sound server is running).</source>
        <translation>Er is geen geluidsuitgang gevonden (er draait geen geluidsserver).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sound output “{name}” is not connected.</source>
        <translation>De geluidsuitgang “{name}” is niet aangesloten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sound output “{name}” could not play {file}.</source>
        <translation>De geluidsuitgang “{name}” kon {file} niet afspelen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sound output “{name}” could not play the bells.</source>
        <translation>De geluidsuitgang “{name}” kon de bel niet laten klinken.</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <location filename="../../facilitator/controllers/resume_offers.py" line="+139"/>
        <location filename="../../facilitator/ui/labels.py" line="+126"/>
        <source>Round {number} of {count}</source>
        <translation>Ronde {number} van {count}</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/labels.py" line="+6"/>
        <source>Person {number} of {count}</source>
        <translation>Persoon {number} van {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step {number} of {count}</source>
        <translation>Stap {number} van {count}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{position}, step {number} of {count}</source>
        <translation>{position}, stap {number} van {count}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Swap: Person {letter} speaks</source>
        <translation>Wissel: persoon {letter} praat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person {letter} speaks</source>
        <translation>Persoon {letter} praat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next: person {number} of {count} speaks</source>
        <translation>Wissel: persoon {number} van {count} praat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person {number} of {count} speaks</source>
        <translation>Persoon {number} van {count} praat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paused</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Almost time</source>
        <translation>Bijna tijd</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Time is up</source>
        <translation>De tijd is om</translation>
    </message>
</context>
<context>
    <name>CardCanvas</name>
    <message>
        <location filename="../../facilitator/ui/card_canvas.py" line="+251"/>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Finished. Thank you!</source>
        <translation>Klaar. Dank je wel!</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Starting soon</source>
        <translation>We beginnen zo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Get ready for the next round</source>
        <translation>Maak je klaar voor de volgende ronde</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/card_groups.py" line="+75"/>
        <source>Find your group</source>
        <translation>Zoek je groep</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Page {page} of {pages}</source>
        <translation>Pagina {page} van {pages}</translation>
    </message>
</context>
<context>
    <name>CardPlacement</name>
    <message>
        <location filename="../../facilitator/controllers/card_placement.py" line="+117"/>
        <source>a window on the laptop screen</source>
        <translation>een venster op het laptopscherm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The screen {name} was disconnected. The card is now on {where}; the run goes on.</source>
        <translation>Het scherm {name} is losgekoppeld. De kaart staat nu op {where}; de sessie loopt door.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A screen was connected: {name}.</source>
        <translation>Er is een scherm aangesloten: {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the card there</source>
        <translation>Kaart daar tonen</translation>
    </message>
</context>
<context>
    <name>CardReadout</name>
    <message>
        <location filename="../../facilitator/ui/card_accessibility.py" line="+67"/>
        <source>The card on the projector</source>
        <translation>De kaart op de projector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the room sees now</source>
        <translation>Wat de zaal nu ziet</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The card is blacked out</source>
        <translation>De kaart staat op zwart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for a session to start</source>
        <translation>Wacht tot er een sessie begint</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finished. Thank you!</source>
        <translation>Klaar. Dank je wel!</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Group {number}: {names}</source>
        <translation>Groep {number}: {names}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Groups for {title}, round {number} of {count}</source>
        <translation>Groepen voor {title}, ronde {number} van {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>Time: {time}</source>
        <translation>Tijd: {time}</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Starting soon: {time}</source>
        <translation>Begint zo: {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step: {step}</source>
        <translation>Stap: {step}</translation>
    </message>
</context>
<context>
    <name>CardWindow</name>
    <message>
        <location filename="../../facilitator/app.py" line="+232"/>
        <location filename="../../facilitator/ui/card_window.py" line="+34"/>
        <source>Facilitator: card</source>
        <translation>Facilitator: kaart</translation>
    </message>
</context>
<context>
    <name>CombinedScreenKeeper</name>
    <message>
        <location filename="../../facilitator/platform/keep_awake.py" line="+110"/>
        <source>this system offers no way to keep the screen on</source>
        <translation>dit systeem biedt geen manier om het scherm aan te houden</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../facilitator/ui/console_window.py" line="+56"/>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>Bee&amp;ld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Library</source>
        <translation>&amp;Bibliotheek</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find a structure</source>
        <translation>Werkvorm &amp;zoeken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The &amp;run</source>
        <translation>De &amp;sessie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run</source>
        <translation>&amp;Sessie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the card on</source>
        <translation>Kaart tonen op</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>&amp;Hulp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{panel} panel</source>
        <translation>Paneel {panel}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This screen ({width}x{height}) is smaller than the console needs (1024x600): parts of it scroll.</source>
        <translation>Dit scherm ({width}x{height}) is kleiner dan de console nodig heeft (1024x600): delen ervan schuiven.</translation>
    </message>
</context>
<context>
    <name>CueRouter</name>
    <message>
        <location filename="../../facilitator/models/bells.py" line="+216"/>
        <source>{file} cannot be played by the sound output. The built-in sound rings instead.</source>
        <translation>{file} kan niet worden afgespeeld door de geluidsuitgang. In plaats daarvan klinkt het ingebouwde geluid.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No sound file was named.</source>
        <translation>Er is geen geluidsbestand opgegeven.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{problem} The built-in sound rings instead.</source>
        <translation>{problem} In plaats daarvan klinkt het ingebouwde geluid.</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <location filename="../../facilitator/models/editing/autosave.py" line="+112"/>
        <source>Your changes could not be kept as a draft: {reason}</source>
        <translation>Je wijzigingen konden niet als concept worden bewaard: {reason}</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <location filename="../../facilitator/models/editing/draft_model.py" line="+247"/>
        <source>typing</source>
        <translation>typen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>change</source>
        <translation>wijziging</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>add</source>
        <translation>toevoegen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>remove</source>
        <translation>verwijderen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>move</source>
        <translation>verplaatsen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>add a question</source>
        <translation>vraag toevoegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>remove a question</source>
        <translation>vraag verwijderen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>move a question</source>
        <translation>vraag verplaatsen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>choose steps</source>
        <translation>stappen kiezen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>choose structures</source>
        <translation>werkvormen kiezen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>add a step</source>
        <translation>stap toevoegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>remove a step</source>
        <translation>stap verwijderen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>move a step</source>
        <translation>stap verplaatsen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>change the groups</source>
        <translation>groepen wijzigen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>add a transition</source>
        <translation>overgang toevoegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>remove the transition</source>
        <translation>overgang verwijderen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>add a tip</source>
        <translation>tip toevoegen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>remove a tip</source>
        <translation>tip verwijderen</translation>
    </message>
</context>
<context>
    <name>DraftOffers</name>
    <message>
        <location filename="../../facilitator/controllers/draft_offers.py" line="+63"/>
        <source>Some drafts could not be read and were left alone:
{lines}</source>
        <translation>Sommige concepten konden niet worden gelezen en zijn ongemoeid gelaten:
{lines}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You have unsaved changes to “{title}” from {when}.</source>
        <translation>Je hebt niet-opgeslagen wijzigingen in “{title}” van {when}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore or discard…</source>
        <translation>Herstellen of weggooien…</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../facilitator/ui/editor/fields.py" line="+181"/>
        <source>item {number}</source>
        <translation>onderdeel {number}</translation>
    </message>
</context>
<context>
    <name>EditorController</name>
    <message>
        <location filename="../../facilitator/controllers/editors.py" line="+170"/>
        <source>Cannot save yet</source>
        <translation>Opslaan kan nog niet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the problems shown in red first, or discard the changes.</source>
        <translation>Los eerst de rood gemarkeerde problemen op, of gooi de wijzigingen weg.</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <location filename="../../facilitator/ui/editor/editor_window.py" line="+83"/>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>Op&amp;nieuw:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Editing</source>
        <translation>Bewerken</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>Nog %n probleem op te lossen voor het opslaan.</numerusform>
            <numerusform>Nog %n problemen op te lossen voor het opslaan.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved changes. A draft is kept while you work.</source>
        <translation>Niet-opgeslagen wijzigingen. Zolang je werkt, wordt er een concept bewaard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All changes are saved.</source>
        <translation>Alle wijzigingen zijn opgeslagen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} — edit {kind}</source>
        <translation>{title} — {kind} bewerken</translation>
    </message>
</context>
<context>
    <name>FacilitatorApp</name>
    <message>
        <location filename="../../facilitator/app.py" line="-51"/>
        <source>Sound</source>
        <translation>Geluid</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Ring the bell now</source>
        <translation>Laat nu de bel klinken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sound is unavailable: {reason} The run goes on; the card flashes instead of the bell.</source>
        <translation>Geen geluid: {reason} De sessie loopt door; de kaart knippert in plaats van de bel.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sound is back.</source>
        <translation>Het geluid is terug.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>
…and {count} more.</source>
        <translation>
…en nog {count}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some files in your library could not be used and were skipped:
{lines}{extra}</source>
        <translation>Sommige bestanden in je bibliotheek waren niet bruikbaar en zijn overgeslagen:
{lines}{extra}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The running session stays in {language} until you start it again; new runs are in {new_language}.</source>
        <translation>De lopende sessie blijft in het {language} tot je hem opnieuw start; nieuwe sessies zijn in het {new_language}.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>A window beside the console</source>
        <translation>Een venster naast de console</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The log cannot be written in {folder} ({reason}); the app works as always, without a log.</source>
        <translation>Het logboek kan niet worden geschreven in {folder} ({reason}); de app werkt gewoon, zonder logboek.</translation>
    </message>
    <message>
        <location filename="../../facilitator/launch.py" line="+109"/>
        <source>There is no screen {number}; the card opens on the default screen.</source>
        <translation>Er is geen scherm {number}; de kaart opent op het standaardscherm.</translation>
    </message>
    <message>
        <location filename="../../facilitator/controllers/startup.py" line="+30"/>
        <source>Facilitator is already open with this data folder{holder}: its window was brought to the front.</source>
        <translation>Facilitator is al open met deze gegevensmap{holder}: het venster is naar voren gehaald.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Facilitator is already open with this data folder{holder}. Use the window that is open: a second copy would write the same files.</source>
        <translation>Facilitator is al open met deze gegevensmap{holder}. Gebruik het venster dat open is: een tweede kopie zou dezelfde bestanden schrijven.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start the session in that window.</source>
        <translation>Start de sessie in dat venster.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the data folder is open read-only ({reason})</source>
        <translation>de gegevensmap is alleen-lezen geopend ({reason})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your data folder {folder} cannot be written ({reason}), so Facilitator opened it read-only: sessions run, but nothing you change is saved, and a session cannot be resumed after a crash.</source>
        <translation>In je gegevensmap {folder} kan niet worden geschreven ({reason}), dus Facilitator heeft hem alleen-lezen geopend: sessies lopen, maar niets wat je verandert wordt bewaard, en na een crash kan een sessie niet worden hervat.</translation>
    </message>
</context>
<context>
    <name>FormGrid</name>
    <message>
        <location filename="../../facilitator/ui/editor/form_grid.py" line="+111"/>
        <source>allowed from</source>
        <translation>toegestaan van</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
</context>
<context>
    <name>FreedesktopScreenSaver</name>
    <message>
        <location filename="../../facilitator/platform/keep_awake_dbus.py" line="+67"/>
        <source>there is no D-Bus session bus</source>
        <translation>er is geen D-Bus-sessiebus</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the screen saver service did not agree ({reason})</source>
        <translation>de schermbeveiligingsdienst ging niet akkoord ({reason})</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <location filename="../../facilitator/models/groups_model.py" line="+213"/>
        <source>{name} is already in the list.</source>
        <translation>{name} staat al in de lijst.</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <location filename="../../facilitator/ui/groups_panel.py" line="+59"/>
        <source>Names stay in this session only: never in plans, sheets or exports.</source>
        <translation>Namen blijven alleen in deze sessie: nooit in draaiboeken, overzichten of exports.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One name per line, or paste a CSV with a &apos;name&apos; column.
apart: Ann, Bob</source>
        <translation>Eén naam per regel, of plak een CSV met een kolom &apos;naam&apos;.
apart: Ann, Bob</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use these names</source>
        <translation>Deze namen gebruiken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+76"/>
        <source>Late arrival&apos;s name</source>
        <translation>Naam van een laatkomer</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do with people who share a value in a column</source>
        <translation>Wat er gebeurt met mensen die in een kolom dezelfde waarde hebben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Groups per step</source>
        <translation>Groepen per stap</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+206"/>
        <source>New groups</source>
        <translation>Nieuwe groepen</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>Show each round&apos;s groups at its change-over</source>
        <translation>Toon de groepen van elke ronde bij de overgang</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export CSV…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Participants&apos; names</source>
        <translation>Namen van de deelnemers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One name per line; a line &apos;apart: Ann, Bob&apos; keeps two people apart</source>
        <translation>Eén naam per regel; een regel &apos;apart: Ann, Bob&apos; houdt twee mensen uit elkaar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Form the groups from the names typed above</source>
        <translation>Vorm de groepen uit de namen hierboven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the names from a list or CSV file</source>
        <translation>Lees de namen uit een lijst of CSV-bestand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Someone who joins during the session: added to the next groups</source>
        <translation>Iemand die tijdens de sessie aansluit: komt in de volgende groepen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the late arrival to the groups</source>
        <translation>Voeg de laatkomer toe aan de groepen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mix everyone into other groups</source>
        <translation>Verdeel iedereen over andere groepen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card shows the new groups by itself at each round</source>
        <translation>De kaart toont bij elke ronde vanzelf de nieuwe groepen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Groups per round</source>
        <translation>Groepen per ronde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is with whom in each round, for you to read out or check</source>
        <translation>Wie bij wie zit in elke ronde, om voor te lezen of na te kijken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the groups of every round as a CSV file</source>
        <translation>Bewaar de groepen van elke ronde als CSV-bestand</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Forming the groups…</source>
        <translation>De groepen worden gevormd…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} participants, {apart} pairs kept apart</source>
        <translation>{count} deelnemers, {apart} paren uit elkaar gehouden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Start a structure or a plan with pairs or small groups to form them.</source>
        <translation>Start een werkvorm of draaiboek met tweetallen of kleine groepen om groepen te vormen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the participants&apos; names to form the groups.</source>
        <translation>Voeg de namen van de deelnemers toe om de groepen te vormen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody meets anybody twice.</source>
        <translation>Niemand ontmoet iemand twee keer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} repeated encounters could not be avoided.</source>
        <translation>{count} herhaalde ontmoetingen waren niet te vermijden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{people} people in groups of {size}: at most {most} rounds without a repeat; {asked} asked.</source>
        <translation>{people} mensen in groepen van {size}: hoogstens {most} rondes zonder herhaling; {asked} gevraagd.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{column}: {count} of {groups} groups hold two of the same value.</source>
        <translation>{column}: {count} van de {groups} groepen hebben twee mensen met dezelfde waarde.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{title}, round {number} of {count}</source>
        <translation>{title}, ronde {number} van {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{heading}: the same groups as the step before</source>
        <translation>{heading}: dezelfde groepen als in de vorige stap</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{heading}: the groups of the step before, joined</source>
        <translation>{heading}: de groepen van de vorige stap, samengevoegd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{heading} (fixed)</source>
        <translation>{heading} (vast)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>People per group in {step}</source>
        <translation>Mensen per groep in {step}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many people each group of this step has</source>
        <translation>Hoeveel mensen elke groep in deze stap heeft</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Same groups as the step before</source>
        <translation>Dezelfde groepen als in de vorige stap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Join the groups before</source>
        <translation>Groepen van daarvoor samen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The groups of the step before join two by two</source>
        <translation>De groepen van de vorige stap voegen twee aan twee samen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People choose</source>
        <translation>Mensen kiezen zelf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Groups in {step}</source>
        <translation>Groepen in {step}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New groups, the same as the step before, or people choose</source>
        <translation>Nieuwe groepen, dezelfde als in de stap ervoor, of mensen kiezen zelf</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ignore</source>
        <translation>Negeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep apart</source>
        <translation>Uit elkaar houden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mix</source>
        <translation>Mengen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep together</source>
        <translation>Bij elkaar houden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to do with the column {column}</source>
        <translation>Wat te doen met de kolom {column}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep apart: never two of one value in a group. Mix: as few as possible. Keep together: groups within each value.</source>
        <translation>Uit elkaar houden: nooit twee met dezelfde waarde in een groep. Mengen: zo weinig mogelijk. Bij elkaar houden: groepen binnen elke waarde.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{title} ({shape})</source>
        <translation>{title} ({shape})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{title} ({shape}, {rounds} rounds)</source>
        <translation>{title} ({shape}, {rounds} rondes)</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../facilitator/ui/help_dialog.py" line="+95"/>
        <source>Help</source>
        <translation>Hulp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Getting started</source>
        <translation>Aan de slag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1. Find a structure in the library: type part of its name in the search box (Ctrl+F), or walk the list with the arrow keys.
2. Choose the questions for the room, fit the structure to the time you have if you like, and press Start.
3. The card goes to the projector and waits. Press Start, Page Down or Space when the room is ready: the bells ring at every change and the card shows who speaks and for how long.
4. This window is yours alone: your notes, what comes next and the time left in the whole structure. The room never sees it.
5. A presentation clicker works as it does for slides: Page Down and Page Up move on and back, B or the full stop blacks the card out. F5 always brings the card back full screen on the projector. Escape never takes the card off the projector: it brings this window back to the run, ready for the clicker. F11, on the laptop only, puts the card in a window and back.
6. End the session from the Run menu (Ctrl+Shift+E) when you are done.</source>
        <translation>1. Zoek een werkvorm in de bibliotheek: typ een deel van de naam in het zoekvak (Ctrl+F), of loop de lijst door met de pijltjestoetsen.
2. Kies de vragen voor de groep, pas de werkvorm desgewenst aan de tijd aan die je hebt, en druk op Starten.
3. De kaart gaat naar de projector en wacht. Druk op Starten, Page Down of de spatiebalk als de zaal er klaar voor is: bij elke wissel klinkt de bel en de kaart toont wie er spreekt en hoe lang.
4. Dit venster is alleen voor jou: je notities, wat er hierna komt en de tijd die de hele werkvorm nog duurt. De zaal ziet het nooit.
5. Een presentatieclicker werkt zoals bij dia&apos;s: Page Down en Page Up gaan vooruit en terug, B of de punt maakt de kaart zwart. F5 zet de kaart altijd weer schermvullend op de projector. Escape haalt de kaart nooit van de projector: het brengt dit venster terug naar de sessie, klaar voor de clicker. F11, alleen op de laptop, zet de kaart in een venster en weer terug.
6. Beëindig de sessie in het menu Sessie (Ctrl+Shift+E) als je klaar bent.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+12"/>
        <location line="+1"/>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>These keys work whichever window you clicked last, unless a text box or a button has the keyboard: Space and Return then press the focused button.</source>
        <translation>Deze toetsen werken in welk venster je ook het laatst hebt aangeklikt, behalve als een tekstvak of een knop het toetsenbord heeft: Spatie en Return drukken dan op die knop.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Command</source>
        <translation>Opdracht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What each key does</source>
        <translation>Wat elke toets doet</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../facilitator/controllers/help_menu.py" line="+47"/>
        <source>Open the &amp;log folder</source>
        <translation>Map met het &amp;logboek openen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Facilitator</source>
        <translation>&amp;Over Facilitator</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The log folder could not be opened: {where}</source>
        <translation>De map met het logboek kon niet worden geopend: {where}</translation>
    </message>
</context>
<context>
    <name>IdClashDialog</name>
    <message>
        <location filename="../../facilitator/ui/prompts.py" line="+260"/>
        <source>This id is already used</source>
        <translation>Deze ID is al in gebruik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename</source>
        <translation>Hernoemen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import it under this id:</source>
        <translation>Importeren onder deze ID:</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="../../facilitator/controllers/import_export.py" line="+89"/>
        <source>Imported the {kind} “{title}” ({id}).</source>
        <translation>Geïmporteerd: {kind} “{title}” ({id}).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot import {name}</source>
        <translation>{name} kan niet worden geïmporteerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported. The file has these problems:</source>
        <translation>Er is niets geïmporteerd. Het bestand heeft deze problemen:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not a valid id</source>
        <translation>Geen geldige ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The id {id!r} cannot be used:</source>
        <translation>De ID {id!r} kan niet worden gebruikt:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import failed</source>
        <translation>Importeren mislukt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported “{title}” to {path}.</source>
        <translation>“{title}” is geëxporteerd naar {path}.</translation>
    </message>
</context>
<context>
    <name>InstanceGuard</name>
    <message>
        <location filename="../../facilitator/platform/single_instance.py" line="+161"/>
        <source>process {pid} on {host}</source>
        <translation>proces {pid} op {host}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>process {pid}</source>
        <translation>proces {pid}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>its lock file cannot be made</source>
        <translation>het vergrendelbestand kan niet worden gemaakt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the disk is read-only</source>
        <translation>de schijf is alleen-lezen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>permission denied</source>
        <translation>geen toestemming</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <location filename="../../facilitator/controllers/language.py" line="+67"/>
        <source>The interface cannot be shown in {language}: its translation is missing. It is shown in English; the structures and questions still follow your choice.</source>
        <translation>De interface kan niet in het {language} worden getoond: de vertaling ontbreekt. Hij staat in het Engels; de werkvormen en vragen volgen wel je keuze.</translation>
    </message>
</context>
<context>
    <name>ItemChooser</name>
    <message>
        <location filename="../../facilitator/ui/prompts.py" line="+26"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
</context>
<context>
    <name>KeyWords</name>
    <message>
        <location filename="../../facilitator/ui/help_dialog.py" line="-100"/>
        <source>Page Down</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right arrow</source>
        <translation>Pijl rechts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left arrow</source>
        <translation>Pijl links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up arrow</source>
        <translation>Pijl omhoog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down arrow</source>
        <translation>Pijl omlaag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>Spatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plus</source>
        <translation>Plus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minus</source>
        <translation>Min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equals</source>
        <translation>Is-gelijkteken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full stop</source>
        <translation>Punt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question mark</source>
        <translation>Vraagteken</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cmd</source>
        <translation>Cmd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../facilitator/ui/labels.py" line="-135"/>
        <source>alone</source>
        <translation>alleen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pairs</source>
        <translation>tweetallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trios</source>
        <translation>drietallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>foursomes</source>
        <translation>viertallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>small groups</source>
        <translation>kleine groepen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>whole group</source>
        <translation>de hele groep</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>step</source>
        <translation>stap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>speaking turn</source>
        <translation>spreekbeurt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>change-over</source>
        <translation>overgang</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>step starts</source>
        <translation>stap begint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>round starts</source>
        <translation>ronde begint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>speakers swap</source>
        <translation>wissel van spreker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next phase of a round</source>
        <translation>volgende fase van een ronde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>someone turns their back</source>
        <translation>iemand draait de rug toe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning before the end</source>
        <translation>waarschuwing voor het einde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>end of the structure</source>
        <translation>einde van de werkvorm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no cue</source>
        <translation>geen signaal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tingsha</source>
        <translation>Tingsha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chime</source>
        <translation>Klokje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft strike</source>
        <translation>Zachte slag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning tones</source>
        <translation>Waarschuwingstonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End signal (three strikes)</source>
        <translation>Eindsignaal (drie slagen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each person alone</source>
        <translation>Ieder voor zich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client</source>
        <translation>De klant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The consultants</source>
        <translation>De adviseurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The coach</source>
        <translation>De coach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The observer</source>
        <translation>De waarnemer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pair</source>
        <translation>Het tweetal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The speaker</source>
        <translation>De spreker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The listeners</source>
        <translation>De luisteraars</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table</source>
        <translation>De tafel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The group</source>
        <translation>De groep</translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <location filename="../../facilitator/controllers/library_actions.py" line="+125"/>
        <source>New question set…</source>
        <translation>Nieuwe vragenset…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate…</source>
        <translation>Dupliceren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert to built-in…</source>
        <translation>Terug naar de ingebouwde versie…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences…</source>
        <translation>Voorkeuren…</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>  (your version of a built-in)</source>
        <translation>  (jouw versie van een ingebouwde)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  (your own)</source>
        <translation>  (je eigen)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>New question set for which structure?</source>
        <translation>Nieuwe vragenset voor welke werkvorm?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Duplicate</source>
        <translation>Dupliceren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <location line="+45"/>
        <location line="+8"/>
        <location line="+17"/>
        <source>Revert to built-in</source>
        <translation>Terug naar de ingebouwde versie</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>None of your own items replaces a built-in one.</source>
        <translation>Geen van je eigen onderdelen vervangt een ingebouwd onderdeel.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This is not your version of a built-in item.</source>
        <translation>Dit is geen eigen versie van een ingebouwd onderdeel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close the editor of “{title}” first.</source>
        <translation>Sluit eerst de editor van “{title}”.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revert to built-in?</source>
        <translation>Terug naar de ingebouwde versie?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your version of “{title}” is removed and the built-in one is used again. A copy of your version is kept as a backup file.</source>
        <translation>Jouw versie van “{title}” wordt verwijderd en de ingebouwde versie wordt weer gebruikt. Een kopie van jouw versie blijft bewaard als reservebestand.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revert</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{title}” is the built-in version again. Your version was kept as {path}.</source>
        <translation>“{title}” is weer de ingebouwde versie. Jouw versie is bewaard als {path}.</translation>
    </message>
</context>
<context>
    <name>LibraryButtons</name>
    <message>
        <location filename="../../facilitator/ui/editor/library_buttons.py" line="+22"/>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Dupliceren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert to built-in</source>
        <translation>Terug naar ingebouwd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit these questions</source>
        <translation>Deze vragen bewerken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New question set</source>
        <translation>Nieuwe vragenset</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change this structure in the editor (your own copy)</source>
        <translation>Wijzig deze werkvorm in de editor (je eigen kopie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a copy of this structure to change as you like</source>
        <translation>Maak een kopie van deze werkvorm om naar wens aan te passen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw away your changes and use the built-in version</source>
        <translation>Gooi je wijzigingen weg en gebruik de ingebouwde versie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the chosen question set in the editor</source>
        <translation>Wijzig de gekozen vragenset in de editor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a question set of your own for this structure</source>
        <translation>Schrijf een eigen vragenset voor deze werkvorm</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../facilitator/ui/library_page.py" line="+57"/>
        <source>Search by name</source>
        <translation>Zoeken op naam</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any groups</source>
        <translation>Alle groepsvormen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any language</source>
        <translation>Alle talen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search the library</source>
        <translation>Zoeken in de bibliotheek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of a structure&apos;s name to narrow the list (Ctrl+F)</source>
        <translation>Typ een deel van de naam van een werkvorm om de lijst in te korten (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Length</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show only structures of this length</source>
        <translation>Toon alleen werkvormen van deze lengte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only structures for groups of this size</source>
        <translation>Toon alleen werkvormen voor groepen van deze grootte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only structures written in this language</source>
        <translation>Toon alleen werkvormen die in deze taal geschreven zijn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Structures</source>
        <translation>Werkvormen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The structures that match; choose one to read about it and start it</source>
        <translation>De werkvormen die passen; kies er een om erover te lezen en hem te starten</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Any length</source>
        <translation>Elke duur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up to {high} min</source>
        <translation>Tot {high} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Over {low} min</source>
        <translation>Meer dan {low} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{low} to {high} min</source>
        <translation>{low} tot {high} min</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{title}  ·  {minutes} min</source>
        <translation>{title}  ·  {minutes} min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your own copy</source>
        <translation>Je eigen kopie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{shown} of {total} structures</source>
        <translation>{shown} van {total} werkvormen</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../facilitator/ui/editor/list_editor.py" line="+65"/>
        <location line="+30"/>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Alt+Up</source>
        <translation>Alt+pijl omhoog</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Alt+Down</source>
        <translation>Alt+pijl omlaag</translation>
    </message>
</context>
<context>
    <name>MacPowerAssertion</name>
    <message>
        <location filename="../../facilitator/platform/keep_awake_native.py" line="+178"/>
        <source>the power management library could not be loaded</source>
        <translation>de bibliotheek voor energiebeheer kon niet worden geladen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>macOS did not accept the request (error {code})</source>
        <translation>macOS nam het verzoek niet aan (fout {code})</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../facilitator/ui/notice_bar.py" line="+66"/>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this message: {text}</source>
        <translation>Dit bericht weghalen: {text}</translation>
    </message>
</context>
<context>
    <name>PhaseEdits</name>
    <message>
        <location filename="../../facilitator/models/editing/phase_edits.py" line="+64"/>
        <source>add a phase</source>
        <translation>een fase toevoegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>split the step into phases</source>
        <translation>de stap in fasen verdelen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>remove a phase</source>
        <translation>een fase verwijderen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>remove the last phase</source>
        <translation>de laatste fase verwijderen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>move a phase</source>
        <translation>een fase verplaatsen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>change how the rounds follow the group</source>
        <translation>wijzigen hoe de rondes de groep volgen</translation>
    </message>
</context>
<context>
    <name>PhasePanel</name>
    <message>
        <location filename="../../facilitator/ui/editor/phase_editor.py" line="+112"/>
        <source>Question sets name phases by this id</source>
        <translation>Vragensets verwijzen met deze ID naar de fase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who acts</source>
        <translation>Wie is aan zet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who does what (large on the card)</source>
        <translation>Wie doet wat (groot op de kaart)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the usual one</source>
        <translation>het gebruikelijke</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no cue</source>
        <translation>geen signaal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cue at its start</source>
        <translation>Signaal bij het begin</translation>
    </message>
</context>
<context>
    <name>PhasesEditor</name>
    <message>
        <location line="-101"/>
        <source>a fixed number</source>
        <translation>een vast aantal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one round per member of the group</source>
        <translation>één ronde per lid van de groep</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>one turn per person at the table</source>
        <translation>één beurt per persoon aan tafel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Phases of each round (or turn)</source>
        <translation>Fasen van elke ronde (of beurt)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add a phase</source>
        <translation>Fase toevoegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{number}.  {title}  ·  {minutes} min  ·  {who}</source>
        <translation>{number}.  {title}  ·  {minutes} min  ·  {who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(untitled)</source>
        <translation>(zonder titel)</translation>
    </message>
</context>
<context>
    <name>PlanItemEditor</name>
    <message>
        <location filename="../../facilitator/ui/plan_item_editor.py" line="+36"/>
        <source>Selected item</source>
        <translation>Gekozen onderdeel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an item in the plan to change it.</source>
        <translation>Kies een onderdeel in het draaiboek om het te wijzigen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit to</source>
        <translation>Inpassen in</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Length</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Questions ({language})</source>
        <translation>Vragen ({language})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>its own timing: {own} min; possible: {low} to {high} min</source>
        <translation>eigen duur: {own} min; mogelijk: {low} tot {high} min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The default questions</source>
        <translation>De standaardvragen</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../facilitator/controllers/plans.py" line="+214"/>
        <location filename="../../facilitator/ui/plan_page.py" line="+63"/>
        <source>New plan</source>
        <translation>Nieuw draaiboek</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/plan_page.py" line="+3"/>
        <location line="+138"/>
        <source>Plans</source>
        <translation>Draaiboeken</translation>
    </message>
    <message>
        <location line="-133"/>
        <location line="+139"/>
        <source>Title of the plan</source>
        <translation>Titel van het draaiboek</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add structure</source>
        <translation>Werkvorm toevoegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Welcome, close, open conversation…</source>
        <translation>Welkom, afsluiting, open gesprek…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add item</source>
        <translation>Onderdeel toevoegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add break</source>
        <translation>Pauze toevoegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to the plan</source>
        <translation>Aan het draaiboek toevoegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Structure</source>
        <translation>Werkvorm</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+280"/>
        <source>Free item</source>
        <translation>Vrij onderdeel</translation>
    </message>
    <message>
        <location line="-275"/>
        <source>Fit</source>
        <translation>Inpassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit the plan into</source>
        <translation>Draaiboek inpassen in</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facilitator&apos;s sheet…</source>
        <translation>Overzicht voor de facilitator…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In real time</source>
        <translation>In echte tijd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rehearse at {speed}x speed</source>
        <translation>Oefenen op {speed}x snelheid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the plan</source>
        <translation>Draaiboek starten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Start at</source>
        <translation>Begint om</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Your session plans; choose one to open it</source>
        <translation>Je draaiboeken; kies er een om het te openen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start an empty plan</source>
        <translation>Begin een leeg draaiboek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name the plan is listed by</source>
        <translation>De naam waaronder het draaiboek in de lijst staat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The time of day the plan begins, for its agenda</source>
        <translation>Hoe laat het draaiboek begint, voor de agenda</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agenda</source>
        <translation>Tijdschema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan&apos;s items in order, with their times and lengths</source>
        <translation>De onderdelen van het draaiboek op volgorde, met hun tijden en lengtes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the chosen item earlier</source>
        <translation>Zet het gekozen onderdeel eerder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the chosen item later</source>
        <translation>Zet het gekozen onderdeel later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the chosen item out of the plan</source>
        <translation>Haal het gekozen onderdeel uit het draaiboek</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Structure to add</source>
        <translation>Werkvorm om toe te voegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A structure of the library, with its length</source>
        <translation>Een werkvorm uit de bibliotheek, met de lengte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the structure to the end of the plan</source>
        <translation>Voeg de werkvorm toe aan het eind van het draaiboek</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title of a free item</source>
        <translation>Titel van een vrij onderdeel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An item without a structure: a welcome, a close, a conversation</source>
        <translation>Een onderdeel zonder werkvorm: een welkom, een afsluiting, een gesprek</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Minutes of the free item</source>
        <translation>Minuten van het vrije onderdeel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the free item or break takes</source>
        <translation>Hoe lang het vrije onderdeel of de pauze duurt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the free item to the end of the plan</source>
        <translation>Voeg het vrije onderdeel toe aan het eind van het draaiboek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a break of these minutes to the plan</source>
        <translation>Voeg een pauze van zoveel minuten toe aan het draaiboek</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minutes to fit the plan into</source>
        <translation>Minuten waarin het draaiboek moet passen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the whole plan should take</source>
        <translation>Hoe lang het hele draaiboek mag duren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorten or lengthen the items to fit these minutes</source>
        <translation>Maak de onderdelen korter of langer zodat ze in deze minuten passen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the plan in your library</source>
        <translation>Bewaar het draaiboek in je bibliotheek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export a printable sheet of the plan for you</source>
        <translation>Maak een afdrukbaar overzicht van het draaiboek voor jezelf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the plan in real time, or faster to rehearse it</source>
        <translation>Laat het draaiboek in echte tijd lopen, of sneller om te oefenen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the whole plan as one session on the card</source>
        <translation>Start het hele draaiboek als één sessie op de kaart</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your own plan</source>
        <translation>Je eigen draaiboek</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a plan or start a new one.</source>
        <translation>Kies een draaiboek of begin een nieuw.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{title} (break)</source>
        <translation>{title} (pauze)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The plan is empty: add structures, items and breaks below.</source>
        <translation>Het draaiboek is leeg: voeg hieronder werkvormen, onderdelen en pauzes toe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plan does not add up yet: see below.</source>
        <translation>Het draaiboek klopt nog niet: zie hieronder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total {total} · ends at {finish}</source>
        <translation>Totaal {total} · eindigt om {finish}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Break</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../facilitator/ui/plan_item_editor.py" line="+32"/>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>PlansController</name>
    <message>
        <location filename="../../facilitator/controllers/plans.py" line="-88"/>
        <source>Show or hide the groups on the card</source>
        <translation>Groepen op de kaart tonen of verbergen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next page of groups</source>
        <translation>Volgende pagina met groepen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put this round&apos;s groups on the card, or take them off (G)</source>
        <translation>Zet de groepen van deze ronde op de kaart, of haal ze eraf (G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the facilitator&apos;s sheet…</source>
        <translation>Overzicht voor de facilitator exporteren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the groups (CSV)…</source>
        <translation>Groepen exporteren (CSV)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Plans</source>
        <translation>Draaiboeken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Restore the plan</source>
        <translation>Het plan terugzetten</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Save the plan</source>
        <translation>Draaiboek opslaan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{title}” is saved in your library as {path}.</source>
        <translation>“{title}” is in je bibliotheek opgeslagen als {path}.</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+26"/>
        <location line="+39"/>
        <source>Export the facilitator&apos;s sheet</source>
        <translation>Overzicht voor de facilitator exporteren</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>PDF (*.pdf);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open or build a plan on the Plans tab first.</source>
        <translation>Open of maak eerst een draaiboek op het tabblad Draaiboeken.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose a structure in the library first.</source>
        <translation>Kies eerst een werkvorm in de bibliotheek.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The facilitator&apos;s sheet is saved as {path}.</source>
        <translation>Het overzicht voor de facilitator is opgeslagen als {path}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import participants</source>
        <translation>Deelnemers importeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Participant lists (*.csv *.txt);;All files (*)</source>
        <translation>Deelnemerslijsten (*.csv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There are no groups to export yet.</source>
        <translation>Er zijn nog geen groepen om te exporteren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Export the groups</source>
        <translation>Groepen exporteren</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The groups are saved as {path}.</source>
        <translation>De groepen zijn opgeslagen als {path}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../facilitator/ui/preferences_dialog.py" line="+57"/>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow the system</source>
        <translation>Volg het systeem</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High contrast</source>
        <translation>Hoog contrast</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Flash the card at the warning and when time is up</source>
        <translation>Laat de kaart knipperen bij de waarschuwing en als de tijd om is</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatically when the time is up</source>
        <translation>Automatisch als de tijd om is</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only when I press Next</source>
        <translation>Alleen als ik op Volgende druk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When I wait for Next, show the room a calm “Time is up”</source>
        <translation>Als ik op Volgende wacht, toon de zaal rustig „De tijd is om”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Otherwise the card&apos;s clock simply stops at 0:00 until you press Next; this screen counts the time over either way</source>
        <translation>Anders blijft de klok op de kaart gewoon op 0:00 staan tot je op Volgende drukt; dit scherm telt de extra tijd hoe dan ook</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no warning</source>
        <translation>geen waarschuwing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card on the projector</source>
        <translation>De kaart op de projector</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text size</source>
        <translation>Tekstgrootte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen</source>
        <translation>Scherm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing</source>
        <translation>Tijden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to the next step</source>
        <translation>Naar de volgende stap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn before the end</source>
        <translation>Waarschuwen voor het einde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sounds</source>
        <translation>Geluiden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sound settings are in the Sound panel.</source>
        <translation>De geluidsinstellingen staan in het paneel Geluid.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Automatic: the first screen that is not the laptop&apos;s</source>
        <translation>Automatisch: het eerste scherm dat niet van de laptop is</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} (not connected)</source>
        <translation>{name} (niet aangesloten)</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../facilitator/ui/editor/preview_panel.py" line="+53"/>
        <source>Preview on the projector</source>
        <translation>Voorbeeld op de projector</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The preview appears once the problems are fixed.</source>
        <translation>Het voorbeeld verschijnt zodra de problemen zijn opgelost.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The preview shows the last version without problems.</source>
        <translation>Het voorbeeld toont de laatste versie zonder problemen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>change-over</source>
        <translation>overgang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>round {number}</source>
        <translation>ronde {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>person {letter}</source>
        <translation>persoon {letter}</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../facilitator/ui/prompts.py" line="-261"/>
        <source>Facilitator files (*.json)</source>
        <translation>Facilitator-bestanden (*.json)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>structure</source>
        <translation>werkvorm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>question set</source>
        <translation>vragenset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan</source>
        <translation>draaiboek</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+21"/>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Save your changes to “{title}”?</source>
        <translation>Je wijzigingen in “{title}” opslaan?</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>You have unsaved changes to “{title}” from {when}.</source>
        <translation>Je hebt niet-opgeslagen wijzigingen in “{title}” van {when}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Later</source>
        <translation>Straks</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Changed by another window</source>
        <translation>Gewijzigd in een ander venster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was changed by another window since you opened it here. Keep their version, keep yours as a copy beside it, or overwrite theirs with yours?</source>
        <translation>{name} is in een ander venster gewijzigd sinds je het hier opende. Hun versie houden, de jouwe als kopie ernaast bewaren, of hun versie door de jouwe vervangen?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep theirs</source>
        <translation>Hun versie houden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep mine as a copy</source>
        <translation>Mijn versie als kopie bewaren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overwrite</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
</context>
<context>
    <name>QtBellPlayer</name>
    <message>
        <location filename="../../facilitator/platform/qt_audio.py" line="+188"/>
        <source>The bell could not be played ({error}).</source>
        <translation>De bel kon niet klinken ({error}).</translation>
    </message>
</context>
<context>
    <name>QuestionDetail</name>
    <message>
        <location filename="../../facilitator/ui/editor/question_set_form.py" line="+200"/>
        <source>Question {number}</source>
        <translation>Vraag {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show it in these steps (none ticked: in every step)</source>
        <translation>Tonen in deze stappen (niets aangevinkt: in elke stap)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show it in these phases of a round (none ticked: in every phase)</source>
        <translation>Tonen in deze fasen van een ronde (niets aangevinkt: in elke fase)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>choose phases</source>
        <translation>fasen kiezen</translation>
    </message>
</context>
<context>
    <name>QuestionSetForm</name>
    <message>
        <location line="-161"/>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentence stems to complete</source>
        <translation>Zinnen om af te maken</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add a question</source>
        <translation>Vraag toevoegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fits these structures</source>
        <translation>Past bij deze werkvormen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Questions, in the order they are shown</source>
        <translation>Vragen, in de volgorde waarin ze worden getoond</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
</context>
<context>
    <name>ResumeOffers</name>
    <message>
        <location filename="../../facilitator/controllers/resume_offers.py" line="-52"/>
        <source>Start again</source>
        <translation>Opnieuw beginnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+124"/>
        <source>View its log…</source>
        <translation>Verloop bekijken…</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An interrupted session could not be resumed: {reason}</source>
        <translation>Een onderbroken sessie kon niet worden hervat: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>at {clock}</source>
        <translation>om {clock}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yesterday at {clock}</source>
        <translation>gisteren om {clock}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tomorrow at {clock}</source>
        <translation>morgen om {clock}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on {date} at {clock}</source>
        <translation>op {date} om {clock}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The session “{title}” was interrupted {when} while paused in {where} ({left} left). Resume it there, paused?</source>
        <translation>De sessie “{title}” is {when} onderbroken terwijl hij gepauzeerd stond in {where} (nog {left}). Daar gepauzeerd hervatten?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The session “{title}” was interrupted {when}. Resume it where it stands now: {where}, {left} left?</source>
        <translation>De sessie “{title}” is {when} onderbroken. Hervatten waar hij nu zou staan: {where}, nog {left}?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The session “{title}” was interrupted {when} and would have finished {end}: there is nothing left to resume.</source>
        <translation>De sessie “{title}” is {when} onderbroken en zou {end} klaar zijn geweest: er valt niets meer te hervatten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The session “{title}” has a record dated {when}, later than now: the computer&apos;s clock was changed, so where it stands cannot be known. Start it again from the beginning?</source>
        <translation>Van de sessie “{title}” is een verslag bewaard met als datum {when}, later dan nu: de klok van de computer is verzet, dus waar de sessie staat is niet te weten. Opnieuw beginnen vanaf het begin?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{where} (paused)</source>
        <translation>{where} (gepauzeerd)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{clock}  interrupted</source>
        <translation>{clock}  onderbroken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{clock}  it would have finished</source>
        <translation>{clock}  zou klaar zijn geweest</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The session “{title}”</source>
        <translation>De sessie “{title}”</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <location filename="../../facilitator/controllers/actions.py" line="+53"/>
        <source>Next / start</source>
        <translation>Volgende / starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous</source>
        <translation>Vorige</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start or resume</source>
        <translation>Starten of hervatten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause or resume</source>
        <translation>Pauzeren of hervatten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart this segment</source>
        <translation>Dit deel opnieuw beginnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One minute more</source>
        <translation>Een minuut erbij</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One minute less</source>
        <translation>Een minuut eraf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Black out the card</source>
        <translation>Kaart op zwart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End session</source>
        <translation>Sessie beëindigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual advance (wait for Next)</source>
        <translation>Handmatig verder (wacht op Volgende)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Card full screen on or off</source>
        <translation>Kaart schermvullend aan of uit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the run</source>
        <translation>Terug naar de sessie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start the session, or go on after a pause; the card returns full screen</source>
        <translation>Start de sessie, of ga verder na een pauze; de kaart wordt weer schermvullend</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show the run on this screen, ready for the clicker; the card stays as it is</source>
        <translation>Toon de sessie op dit scherm, klaar voor de clicker; de kaart blijft zoals ze is</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Help and keys</source>
        <translation>Hulp en toetsen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go on to the next part now, or start the session</source>
        <translation>Ga nu door naar het volgende deel, of start de sessie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the part before</source>
        <translation>Ga terug naar het deel ervoor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the clock for a while, or let it run again</source>
        <translation>Zet de klok even stil, of laat hem weer lopen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the current part its full time again</source>
        <translation>Geef het huidige deel opnieuw zijn volle tijd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the current part one more minute</source>
        <translation>Geef het huidige deel een minuut extra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take one minute off the current part</source>
        <translation>Haal een minuut van het huidige deel af</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the room a black card, or the card again</source>
        <translation>Toon de zaal een zwarte kaart, of weer de kaart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for Next at the end of each part instead of moving on</source>
        <translation>Wacht aan het eind van elk deel op Volgende in plaats van door te gaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the session and close the card</source>
        <translation>Stop de sessie en sluit de kaart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill the projector with the card, or show it in a window</source>
        <translation>Vul de projector met de kaart, of toon hem in een venster</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How to run a session, and every key</source>
        <translation>Hoe je een sessie leidt, en alle toetsen</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../facilitator/ui/run_page.py" line="+85"/>
        <source>Progress of this part</source>
        <translation>Voortgang van dit deel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much of the current step or turn has gone</source>
        <translation>Hoeveel van de huidige stap of beurt voorbij is</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Timeline of the session</source>
        <translation>Tijdlijn van de sessie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every part in order, the current one marked; click a part to go to it</source>
        <translation>Alle delen op volgorde, het huidige gemarkeerd; klik op een deel om erheen te gaan</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Facilitator notes (only on this screen)</source>
        <translation>Notities voor de facilitator (alleen op dit scherm)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start the session, pause the clock, or let it run again (F5, P)</source>
        <translation>Start de sessie, zet de klok stil, of laat hem weer lopen (F5, P)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the library; the session goes on (Ctrl+L)</source>
        <translation>Toon de bibliotheek; de sessie loopt door (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End session</source>
        <translation>Sessie beëindigen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>On the projector</source>
        <translation>Op de projector</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>rehearsal at {speed}x speed</source>
        <translation>oefenen op {speed}x snelheid</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+49"/>
        <source>Finished</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>No notes for this step.</source>
        <translation>Geen notities bij deze stap.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Next: the end</source>
        <translation>Hierna: het einde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step: {title} ({length})</source>
        <translation>Volgende stap: {title} ({length})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>swap speakers</source>
        <translation>wissel van spreker</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next: {what} ({length})</source>
        <translation>Hierna: {what} ({length})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ready: press Start or Page Down</source>
        <translation>Klaar om te beginnen: druk op Starten of Page Down</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whole plan: {left} left</source>
        <translation>Hele draaiboek: nog {left}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole structure: {left} left, ends at {time}</source>
        <translation>Hele werkvorm: nog {left}, eindigt om {time}</translation>
    </message>
</context>
<context>
    <name>ScreenAwake</name>
    <message>
        <location filename="../../facilitator/models/screen_awake.py" line="+60"/>
        <source>A workshop session is on the projector</source>
        <translation>Er staat een workshopsessie op de projector</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The screen saver and display sleep could not be turned off for the session ({reason}), so the screen may blank. The session goes on; turn them off in the system settings, or touch the mouse now and then.</source>
        <translation>De schermbeveiliging en de slaapstand van het scherm konden voor de sessie niet worden uitgezet ({reason}), dus het scherm kan op zwart gaan. De sessie loopt door; zet ze uit in de systeeminstellingen, of beweeg af en toe de muis.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../facilitator/controllers/sessions.py" line="+172"/>
        <source>Cannot start: {reason}</source>
        <translation>Starten lukt niet: {reason}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{count} texts of “{title}” are not written in {language}: the card shows them in the language they were written in.</source>
        <translation>{count} teksten van “{title}” zijn niet in het {language} geschreven: de kaart toont ze in de taal waarin ze geschreven zijn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} texts of “{title}” are not translated into {language} yet: the card shows them in English.</source>
        <translation>{count} teksten van “{title}” zijn nog niet in het {language} vertaald: de kaart toont ze in het Engels.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The questions “{title}” are in {set_language}, not in {language}: the whole card speaks {set_language}.</source>
        <translation>De vragen “{title}” zijn in het {set_language}, niet in het {language}: de hele kaart is in het {set_language}.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Replace the running session?</source>
        <translation>De lopende sessie vervangen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A session is running. End it and start another?</source>
        <translation>Er loopt een sessie. Wil je die beëindigen en een andere starten?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End it and start</source>
        <translation>Beëindigen en starten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Quit during a session?</source>
        <translation>Afsluiten tijdens een sessie?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A session is running. If you quit now, Facilitator offers to resume it where it stands when you start it again.</source>
        <translation>Er loopt een sessie. Als je nu afsluit, biedt Facilitator bij de volgende start aan om verder te gaan waar de sessie dan staat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>End the session?</source>
        <translation>De sessie beëindigen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card closes, and this session cannot be resumed afterwards.</source>
        <translation>De kaart sluit, en deze sessie kan daarna niet worden hervat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End session</source>
        <translation>Sessie beëindigen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The session “{title}” is already running in another window.</source>
        <translation>De sessie “{title}” loopt al in een ander venster.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The interrupted session could not be resumed: {reason}</source>
        <translation>De onderbroken sessie kon niet worden hervat: {reason}</translation>
    </message>
</context>
<context>
    <name>SessionLogDialog</name>
    <message>
        <location filename="../../facilitator/ui/prompts.py" line="+48"/>
        <source>Keep for later</source>
        <translation>Voor later bewaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
</context>
<context>
    <name>SoundPanel</name>
    <message>
        <location filename="../../facilitator/ui/sound_panel.py" line="+86"/>
        <source>The app rings the bells</source>
        <translation>De app laat de bel klinken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I ring a real bell</source>
        <translation>Ik laat zelf een echte bel klinken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visual only: the card flashes</source>
        <translation>Alleen zichtbaar: de kaart knippert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Volume</source>
        <translation>Geluidssterkte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mute</source>
        <translation>Dempen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sound output</source>
        <translation>Geluidsuitgang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the bell</source>
        <translation>Bel testen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bells</source>
        <translation>Bellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who rings the bells, or a flash instead</source>
        <translation>Wie de bellen laat klinken, of een flits in plaats daarvan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How loud the bells ring</source>
        <translation>Hoe hard de bellen klinken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silence the bells; the card still flashes if you want</source>
        <translation>Zet de bellen stil; de kaart knippert nog als je dat wilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The speakers the bells ring on</source>
        <translation>De luidsprekers waarop de bellen klinken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ring the bell once now, to hear how loud it is</source>
        <translation>Laat de bel nu één keer klinken, om te horen hoe hard hij is</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sound for this moment of the run</source>
        <translation>Het geluid voor dit moment van de sessie</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bells:</source>
        <translation>Bel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume:</source>
        <translation>Geluidssterkte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output:</source>
        <translation>Uitgang:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sound for each cue</source>
        <translation>Geluid per signaal</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Own file: {name}</source>
        <translation>Eigen bestand: {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your own sound file…</source>
        <translation>Uw eigen geluidsbestand…</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Sounds (WAV, MP3, OGG, Opus, FLAC, M4A) ({patterns})</source>
        <translation>Geluiden (WAV, MP3, OGG, Opus, FLAC, M4A) ({patterns})</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>System default</source>
        <translation>Systeemstandaard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} (not connected)</source>
        <translation>{name} (niet aangesloten)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sound is unavailable: {reason}</source>
        <translation>Geen geluid: {reason}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The bells are muted: unmute them to hear the test.</source>
        <translation>Het geluid staat uit: zet het aan om de test te horen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choose a bell sound</source>
        <translation>Kies een belgeluid</translation>
    </message>
</context>
<context>
    <name>Spoken</name>
    <message>
        <location filename="../../facilitator/ui/accessibility.py" line="+55"/>
        <source>{count} hour</source>
        <translation>{count} uur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} hours</source>
        <translation>{count} uur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} minute</source>
        <translation>{count} minuut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} minutes</source>
        <translation>{count} minuten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} second</source>
        <translation>{count} seconde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} seconds</source>
        <translation>{count} seconden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The session is finished</source>
        <translation>De sessie is afgelopen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Over time in this step</source>
        <translation>Over tijd in deze stap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over time in this turn</source>
        <translation>Over tijd in deze beurt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over time in this change-over</source>
        <translation>Over tijd in deze overgang</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time left in this step</source>
        <translation>Tijd over in deze stap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left in this turn</source>
        <translation>Tijd over in deze beurt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left in this change-over</source>
        <translation>Tijd over in deze overgang</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <location filename="../../facilitator/ui/editor/structure_form.py" line="+196"/>
        <source>Step {number}</source>
        <translation>Stap {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question sets name steps by this id</source>
        <translation>Vragensets verwijzen met deze ID naar de stap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instruction on the card</source>
        <translation>Instructie op de kaart</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Facilitator notes</source>
        <translation>Notities voor de facilitator</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>of</source>
        <translation>van</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>people</source>
        <translation>personen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Minutes per round</source>
        <translation>Minuten per ronde</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rounds</source>
        <translation>Rondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>speaking turns per round</source>
        <translation>spreekbeurten per ronde</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rounds or turns follow the group</source>
        <translation>Rondes of beurten volgen de groep</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>yes, of</source>
        <translation>ja, van</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>also before the first round</source>
        <translation>ook voor de eerste ronde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change-over between rounds</source>
        <translation>Overgang tussen rondes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change-over instruction</source>
        <translation>Instructie bij de overgang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cues (which signal marks each moment)</source>
        <translation>Signalen (welk geluid elk moment markeert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the usual one</source>
        <translation>het gebruikelijke</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no cue</source>
        <translation>geen signaal</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show the questions on the card</source>
        <translation>Toon de vragen op de kaart</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>as the structure</source>
        <translation>zoals de werkvorm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning before the end (seconds)</source>
        <translation>Waarschuwing voor het einde (seconden)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>from its phases</source>
        <translation>uit de fasen</translation>
    </message>
</context>
<context>
    <name>StructureDetails</name>
    <message>
        <location filename="../../facilitator/ui/structure_details.py" line="+59"/>
        <source>Fit to</source>
        <translation>Inpassen in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group size</source>
        <translation>Groepsgrootte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People per group: the rounds or turns of this structure follow it</source>
        <translation>Mensen per groep: de rondes of beurten van deze werkvorm volgen die</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a session of this structure: the card opens on the projector</source>
        <translation>Start een sessie van deze werkvorm: de kaart opent op de projector</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shorten or lengthen every step in proportion to fit the minutes beside it</source>
        <translation>Maak elke stap naar verhouding korter of langer, passend in de minuten ernaast</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Minutes to fit to</source>
        <translation>Minuten om in te passen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the whole structure should take</source>
        <translation>Hoe lang de hele werkvorm mag duren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>The question set the card shows</source>
        <translation>De vragenset die de kaart toont</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeline of the structure</source>
        <translation>Tijdlijn van de werkvorm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its steps, turns and change-overs in order, each as wide as it is long</source>
        <translation>De stappen, beurten en overgangen op volgorde, elk zo breed als hij lang is</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About this structure</source>
        <translation>Over deze werkvorm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its steps, purpose and tips, and the controls to start it</source>
        <translation>De stappen, het doel en de tips, en de knoppen om hem te starten</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>{count} texts not translated yet, shown in English</source>
        <translation>{count} teksten nog niet vertaald, getoond in het Engels</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No question set yet.</source>
        <translation>Nog geen vragenset.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>possible: {low} to {high} min</source>
        <translation>mogelijk: {low} tot {high} min</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Steps</source>
        <translation>Stappen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, {rounds} rounds</source>
        <translation>, {rounds} rondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {speakers} turns each</source>
        <translation>, {speakers} beurten per ronde</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{number}. {title}  ·  {length}  ·  {who}</source>
        <translation>{number}. {title}  ·  {length}  ·  {who}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Notes: {notes}</source>
        <translation>Notities: {notes}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space and materials</source>
        <translation>Ruimte en materialen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tips and traps</source>
        <translation>Tips en valkuilen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credits</source>
        <translation>Bronvermelding</translation>
    </message>
</context>
<context>
    <name>StructureForm</name>
    <message>
        <location filename="../../facilitator/ui/editor/structure_form.py" line="-279"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space and materials</source>
        <translation>Ruimte en materialen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tips and traps</source>
        <translation>Tips en valkuilen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Warning before the end (seconds)</source>
        <translation>Waarschuwing voor het einde (seconden)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>smallest</source>
        <translation>kleinste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group size for steps that follow the group</source>
        <translation>Groepsgrootte voor stappen die de groep volgen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The timing is a suggestion; adjust it freely</source>
        <translation>De tijden zijn een suggestie; pas ze gerust aan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credits</source>
        <translation>Bronvermelding</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add a step</source>
        <translation>Stap toevoegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Stappen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{number}.  {title}  ·  {minutes} min</source>
        <translation>{number}.  {title}  ·  {minutes} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(untitled)</source>
        <translation>(zonder titel)</translation>
    </message>
</context>
<context>
    <name>TipsEditor</name>
    <message>
        <location line="+14"/>
        <source>Add a tip</source>
        <translation>Tip toevoegen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Tip {number}</source>
        <translation>Tip {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove tip {number}</source>
        <translation>Tip {number} verwijderen</translation>
    </message>
</context>
<context>
    <name>WindowsExecutionState</name>
    <message>
        <location filename="../../facilitator/platform/keep_awake_native.py" line="-79"/>
        <source>Windows&apos; power functions could not be loaded</source>
        <translation>de energiefuncties van Windows konden niet worden geladen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Windows did not accept the request</source>
        <translation>Windows nam het verzoek niet aan</translation>
    </message>
</context>
<context>
    <name>XScreenSaverSuspension</name>
    <message>
        <location line="-59"/>
        <source>the X screen saver library (libXss) is not installed</source>
        <translation>de bibliotheek voor de X-schermbeveiliging (libXss) is niet geïnstalleerd</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the X display could not be opened</source>
        <translation>het X-beeldscherm kon niet worden geopend</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the X server has no screen saver extension</source>
        <translation>de X-server heeft geen uitbreiding voor schermbeveiliging</translation>
    </message>
</context>
<context>
    <name>_MissingMarker</name>
    <message>
        <location filename="../../facilitator/ui/editor/fields.py" line="+220"/>
        <source>Not translated yet; the card shows another language</source>
        <translation>Nog niet vertaald; de kaart toont een andere taal</translation>
    </message>
</context>
</TS>
