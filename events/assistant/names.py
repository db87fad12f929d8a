"""Given names and surname endings that tell a person's name from other
capitalised words in English text, where no model is at hand. The registry's
own people are recognised whatever their names."""

import re

from events.assistant.gazetteer import words

GIVEN_NAMES = set(
    words(
        """aleksandr alexander alexandr aleksei alexey alexei aleksey anatoly anatoliy andrey andrei
    anton artem artyom arkady boris vadim valentin valery valeriy valeri vasily vasiliy viktor
    victor vitaly vitaliy vladimir vladislav vyacheslav gennady gennadiy georgy georgiy grigory
    denis dmitry dmitri dmitriy evgeny evgeniy yevgeny yegor egor ivan igor ilya kirill
    konstantin leonid maxim maksim mikhail nikita nikolay nikolai oleg pavel petr pyotr roman
    ruslan sergey sergei stanislav stepan timur fedor fyodor yury yuri yuriy yaroslav semyon
    alexandra aleksandra alina alla anastasia anna antonina valentina valeria vera victoria
    viktoria galina daria darya ekaterina yekaterina elena yelena elizaveta zhanna zoya inna
    irina karina kristina ksenia kseniya larisa lidia lyudmila ludmila margarita marina maria
    mariya nadezhda natalia natalya nina oksana olga polina svetlana sofia sofya tatiana tatyana
    ulyana yulia yuliya yana eleonora altynbek almaz almazbek azamat aibek aigul aida ainura
    aizada asel aselya askar bakyt bakytbek bolot chyngyz chingiz daniyar dastan elmira emil
    erlan ermek gulnara gulmira jyldyz kanat kubanychbek kuban mirlan nurlan nurbek omurbek
    rakhat sadyr saltanat talant temir tolkun ulan zarina zhyldyz abdylda akylbek beishenbek
    dinara farida rustam shavkat bakhtiyor dilnoza aliya kairat serik yerlan askhat marat
    ravil rinat farid aziz azat adilet aidai aijan aizhan akmal alisher anvar arslan asylbek
    baktygul begaim cholpon dilshod gulzat kamila kanybek kubat kylychbek maksat medet
    meerim nazira nurgul nursultan rahim sanjar suiunbek tilek ulukbek umid zhanar zhibek
    john james michael david robert william thomas peter paul mark richard daniel george
    charles joseph edward henry sarah emma laura mary elizabeth jennifer linda susan helen
    claire sophie julia hans pierre jean marco luca ahmed mohammed ali hassan omar fatima
    mehmet ayse wang li zhang chen raj priya"""
    )
)
SURNAME_ENDING = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|iev|ieva|in|ina|yn|yna|enko|sky|skiy|skii|skaya|sky|ich|vich"
    r"|yan|ian|dze|shvili|uly|kyzy|uulu|ko|uk|yuk|chuk|ets|bekov|bekova|aliev|alieva)$",
    re.IGNORECASE,
)
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "professor", "sir", "madam"}
