<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>BlockDomainDialog</name>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="102"/>
        <source>To confirm, type the number of contacts this unsubscribes: &lt;b&gt;%Ln&lt;/b&gt;</source>
        <translation>
            <numerusform>To confirm, type the number of contacts this unsubscribes: &lt;b&gt;%Ln&lt;/b&gt;</numerusform>
            <numerusform>To confirm, type the number of contacts this unsubscribes: &lt;b&gt;%Ln&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CleaningPage</name>
    <message numerus="yes">
        <location filename="../../ui/cleaning_page.py" line="424"/>
        <source>The first {shown} of %Ln rows left out are shown; Save left-out rows… writes them all.</source>
        <translation>
            <numerusform>The first {shown} of %Ln row left out are shown; Save left-out rows… writes them all.</numerusform>
            <numerusform>The first {shown} of %Ln rows left out are shown; Save left-out rows… writes them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cleaning_page.py" line="519"/>
        <source>Saved “{path}”: %Ln rows that may be emailed.</source>
        <translation>
            <numerusform>Saved “{path}”: %Ln row that may be emailed.</numerusform>
            <numerusform>Saved “{path}”: %Ln rows that may be emailed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cleaning_page.py" line="536"/>
        <source>Saved “{path}”: %Ln rows left out, each with its row number and why.</source>
        <translation>
            <numerusform>Saved “{path}”: %Ln row left out, with its row number and why.</numerusform>
            <numerusform>Saved “{path}”: %Ln rows left out, each with its row number and why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="119"/>
        <source>%Ln suppressed</source>
        <translation>
            <numerusform>%Ln suppressed</numerusform>
            <numerusform>%Ln suppressed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="122"/>
        <source>%Ln opted out for the whole account</source>
        <translation>
            <numerusform>%Ln opted out for the whole account</numerusform>
            <numerusform>%Ln opted out for the whole account</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="123"/>
        <source>%Ln opted out for this business unit</source>
        <translation>
            <numerusform>%Ln opted out for this business unit</numerusform>
            <numerusform>%Ln opted out for this business unit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="124"/>
        <source>%Ln in a whole domain that is opted out</source>
        <translation>
            <numerusform>%Ln in a whole domain that is opted out</numerusform>
            <numerusform>%Ln in whole domains that are opted out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="125"/>
        <source>%Ln bounced</source>
        <translation>
            <numerusform>%Ln bounced</numerusform>
            <numerusform>%Ln bounced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="126"/>
        <source>%Ln spam reports</source>
        <translation>
            <numerusform>%Ln spam report</numerusform>
            <numerusform>%Ln spam reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="127"/>
        <source>%Ln unsubscribed</source>
        <translation>
            <numerusform>%Ln unsubscribed</numerusform>
            <numerusform>%Ln unsubscribed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="128"/>
        <source>&lt;b&gt;%Ln rows may be emailed.&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln row may be emailed.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln rows may be emailed.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="129"/>
        <source>%Ln rows read,</source>
        <translation>
            <numerusform>%Ln row read,</numerusform>
            <numerusform>%Ln rows read,</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message numerus="yes">
        <location filename="../../ui/contacts_page.py" line="124"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; contacts are unsubscribed from all email but still billable. Delete them to stop paying for them: their addresses stay suppressed.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; contact is unsubscribed from all email but still billable. Delete it to stop paying for it: its address stays suppressed.</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; contacts are unsubscribed from all email but still billable. Delete them to stop paying for them: their addresses stay suppressed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_page.py" line="185"/>
        <source>Delete %Ln contacts? They stop counting as billable. Their opt-outs stay: an opt-out belongs to the address.</source>
        <translation>
            <numerusform>Delete %Ln contact? It stops counting as billable. Its opt-out stays: an opt-out belongs to the address.</numerusform>
            <numerusform>Delete %Ln contacts? They stop counting as billable. Their opt-outs stay: an opt-out belongs to the address.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_page.py" line="203"/>
        <source>%Ln contacts are unsubscribed from all email. Deleting them lowers the billable total; their addresses stay suppressed and are never emailed.</source>
        <translation>
            <numerusform>%Ln contact is unsubscribed from all email. Deleting it lowers the billable total; its address stays suppressed and is never emailed.</numerusform>
            <numerusform>%Ln contacts are unsubscribed from all email. Deleting them lowers the billable total; their addresses stay suppressed and are never emailed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts_page.py" line="235"/>
        <source>%Ln contacts were deleted; their addresses stay suppressed. The history keeps the deletion.</source>
        <translation>
            <numerusform>%Ln contact was deleted; its address stays suppressed. The history keeps the deletion.</numerusform>
            <numerusform>%Ln contacts were deleted; their addresses stay suppressed. The history keeps the deletion.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountTexts</name>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="152"/>
        <source>&lt;b&gt;%Ln&lt;/b&gt; addresses to opt out:</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; address to opt out:</numerusform>
            <numerusform>&lt;b&gt;%Ln&lt;/b&gt; addresses to opt out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="153"/>
        <source>%Ln new,</source>
        <translation>
            <numerusform>%Ln new,</numerusform>
            <numerusform>%Ln new,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="154"/>
        <source>%Ln already suppressed,</source>
        <translation>
            <numerusform>%Ln already suppressed,</numerusform>
            <numerusform>%Ln already suppressed,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="155"/>
        <source>%Ln existing contacts will be unsubscribed (and stay billable).</source>
        <translation>
            <numerusform>%Ln existing contact will be unsubscribed (and stays billable).</numerusform>
            <numerusform>%Ln existing contacts will be unsubscribed (and stay billable).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="156"/>
        <source>%Ln addresses are now unsubscribed from all email</source>
        <translation>
            <numerusform>%Ln address is now unsubscribed from all email</numerusform>
            <numerusform>%Ln addresses are now unsubscribed from all email</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="157"/>
        <source>(%Ln were already suppressed,</source>
        <translation>
            <numerusform>(%Ln was already suppressed,</numerusform>
            <numerusform>(%Ln were already suppressed,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="158"/>
        <source>%Ln existing contacts unsubscribed).</source>
        <translation>
            <numerusform>%Ln existing contact unsubscribed).</numerusform>
            <numerusform>%Ln existing contacts unsubscribed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="159"/>
        <source>%Ln rows were left out.</source>
        <translation>
            <numerusform>%Ln row was left out.</numerusform>
            <numerusform>%Ln rows were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="160"/>
        <source>%Ln invalid rows</source>
        <translation>
            <numerusform>%Ln invalid row</numerusform>
            <numerusform>%Ln invalid rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="161"/>
        <source>%Ln blank rows</source>
        <translation>
            <numerusform>%Ln blank row</numerusform>
            <numerusform>%Ln blank rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="162"/>
        <source>%Ln repeated rows</source>
        <translation>
            <numerusform>%Ln repeated row</numerusform>
            <numerusform>%Ln repeated rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="165"/>
        <source>%Ln addresses were to be new,</source>
        <translation>
            <numerusform>%Ln address was to be new,</numerusform>
            <numerusform>%Ln addresses were to be new,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="166"/>
        <source>%Ln were.</source>
        <translation>
            <numerusform>%Ln was.</numerusform>
            <numerusform>%Ln were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="167"/>
        <source>%Ln contacts created,</source>
        <translation>
            <numerusform>%Ln contact created,</numerusform>
            <numerusform>%Ln contacts created,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="168"/>
        <source>%Ln updated.</source>
        <translation>
            <numerusform>%Ln updated.</numerusform>
            <numerusform>%Ln updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="169"/>
        <source>%Ln rows read</source>
        <translation>
            <numerusform>%Ln row read</numerusform>
            <numerusform>%Ln rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../build/translations/unseen_strings.py" line="171"/>
        <source>; %Ln of the entries are whole domains</source>
        <translation>
            <numerusform>; %Ln of the entries is a whole domain</numerusform>
            <numerusform>; %Ln of the entries are whole domains</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DomainDialog</name>
    <message numerus="yes">
        <location filename="../../ui/domain_dialog.py" line="82"/>
        <source>Contacts at the domain: %Ln</source>
        <translation>
            <numerusform>Contacts at the domain: %Ln</numerusform>
            <numerusform>Contacts at the domain: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/domain_dialog.py" line="84"/>
        <source>Addresses there that are suppressed already: %Ln</source>
        <translation>
            <numerusform>Addresses there that are suppressed already: %Ln</numerusform>
            <numerusform>Addresses there that are suppressed already: %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandMade</name>
    <message numerus="yes">
        <location filename="../../ui/hand_made.py" line="99"/>
        <source>{domain} is opted out {scope}, and with it %Ln contacts there (they stay contacts, and billable).</source>
        <translation>
            <numerusform>{domain} is opted out {scope}, and with it %Ln contact there (it stays a contact, and billable).</numerusform>
            <numerusform>{domain} is opted out {scope}, and with it %Ln contacts there (they stay contacts, and billable).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="180"/>
        <source>%Ln refused rows were written to {path}.</source>
        <translation>
            <numerusform>%Ln refused row was written to {path}.</numerusform>
            <numerusform>%Ln refused rows were written to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="240"/>
        <source>Import #{id} was undone: %Ln opt-outs were lifted.</source>
        <translation>
            <numerusform>Import #{id} was undone: %Ln opt-out was lifted.</numerusform>
            <numerusform>Import #{id} was undone: %Ln opt-outs were lifted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="244"/>
        <source>%Ln stay suppressed, as later imports list them too.</source>
        <translation>
            <numerusform>%Ln stays suppressed, as a later import lists it too.</numerusform>
            <numerusform>%Ln stay suppressed, as later imports list them too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="348"/>
        <source>Suppressed, all business units: &lt;b&gt;%Ln&lt;/b&gt; addresses</source>
        <translation>
            <numerusform>Suppressed, all business units: &lt;b&gt;%Ln&lt;/b&gt; address</numerusform>
            <numerusform>Suppressed, all business units: &lt;b&gt;%Ln&lt;/b&gt; addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="350"/>
        <source>, &lt;b&gt;%Ln&lt;/b&gt; whole domains</source>
        <translation>
            <numerusform>, &lt;b&gt;%Ln&lt;/b&gt; whole domain</numerusform>
            <numerusform>, &lt;b&gt;%Ln&lt;/b&gt; whole domains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="456"/>
        <source>%Ln lines.</source>
        <translation>
            <numerusform>%Ln line.</numerusform>
            <numerusform>%Ln lines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="461"/>
        <source>%Ln suppressed addresses</source>
        <translation>
            <numerusform>%Ln suppressed address</numerusform>
            <numerusform>%Ln suppressed addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="463"/>
        <source>and %Ln whole domains</source>
        <translation>
            <numerusform>and %Ln whole domain</numerusform>
            <numerusform>and %Ln whole domains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="469"/>
        <source>The file has %Ln rows: an address opted out for several business units has a row for each.</source>
        <translation>
            <numerusform>The file has %Ln row: an address opted out for several business units has a row for each.</numerusform>
            <numerusform>The file has %Ln rows: an address opted out for several business units has a row for each.</numerusform>
        </translation>
    </message>
</context>
</TS>
